package com.relabel.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on a loopback port in front of the test PostgreSQL, which a test can cut (every
 * connection dropped, new ones refused: the database is gone for the application) and restore, to
 * take the database away under a running application.
 */
public final class TcpProxy implements AutoCloseable {

  private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;

  private TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server = listen(0);
    this.port = server.getLocalPort();
    acceptLoop(server);
  }

  /** A proxy in front of the test PostgreSQL ({@link TestPostgres#url()}). */
  public static TcpProxy toTestPostgres() throws IOException {
    Matcher m = HOST_PORT.matcher(TestPostgres.url());
    if (!m.find()) {
      throw new IllegalStateException("no host:port in " + TestPostgres.url());
    }
    return new TcpProxy(m.group(1), Integer.parseInt(m.group(2)));
  }

  /** The test PostgreSQL's JDBC URL, through this proxy. */
  public String jdbcUrl() {
    return HOST_PORT.matcher(TestPostgres.url()).replaceFirst("//127.0.0.1:" + port + "/");
  }

  /** Drops every connection and refuses new ones, as a database server that went away. */
  public synchronized void cut() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
    sockets.clear();
  }

  /** Takes connections again, on the same port. */
  public synchronized void restore() throws IOException {
    if (server.isClosed()) {
      server = listen(port);
      acceptLoop(server);
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }

  private static ServerSocket listen(int port) throws IOException {
    var socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void acceptLoop(ServerSocket listening) {
    Thread.ofPlatform()
        .daemon()
        .name("tcp-proxy-" + port)
        .start(
            () -> {
              while (!listening.isClosed()) {
                try {
                  Socket client = listening.accept();
                  sockets.add(client);
                  try {
                    Socket upstream = new Socket(targetHost, targetPort);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                  } catch (IOException e) {
                    closeQuietly(client); // the target refused
                  }
                } catch (IOException e) {
                  // closed by cut()
                }
              }
            });
  }

  private void pump(Socket from, Socket to) {
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            });
  }

  private void closeQuietly(Socket s) {
    sockets.remove(s);
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
