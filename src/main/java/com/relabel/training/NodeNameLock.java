package com.relabel.training;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's default name in the job engine: the host name, a tag of the database's URL and the
 * lowest free slot number ({@code build-7-4f2a-1}, see {@link #stem}), held by a file lock in a
 * folder shared by the processes of one host. The operating system releases a process's file locks
 * when the process ends, however it ends (also {@code kill -9}), so a node takes over a name only
 * from a process that is no longer alive: a restarted node gets its old name back and can end the
 * runs it left RUNNING at once, and two live processes on one host never share a name. See
 * docs/decisions/0030-stable-node-names.md.
 *
 * <p>The lock is held until the application context closes (after the job engine stopped).
 */
final class NodeNameLock implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NodeNameLock.class);

  /** db-scheduler keeps the name in {@code scheduled_tasks.picked_by}, varchar(50). */
  static final int MAX_NAME = 50;

  static final int MAX_SLOTS = 999;

  private final String name;
  private final FileChannel channel;

  private NodeNameLock(String name, FileChannel channel) {
    this.name = name;
    this.channel = channel;
  }

  /** A name set by configuration: no lock is taken, the operator keeps names apart. */
  static NodeNameLock configured(String name) {
    if (name.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          "relabel.jobs.node-name may have " + MAX_NAME + " characters at most: " + name);
    }
    return new NodeNameLock(name, null);
  }

  /**
   * Takes the lowest slot of {@code host} that no live process holds, locking {@code
   * <folder>/<host>-<slot>.lock}. When the folder cannot be used the name falls back to the host
   * plus a random suffix (a restart then cannot recognise its own runs; they fail once another
   * node's job engine finds their heartbeats stale), with a warning.
   */
  static NodeNameLock acquire(Path folder, String host) {
    String base = host.substring(0, Math.min(host.length(), MAX_NAME - 4));
    try {
      Files.createDirectories(folder);
      for (int slot = 1; slot <= MAX_SLOTS; slot++) {
        String name = base + "-" + slot;
        FileChannel channel =
            FileChannel.open(
                folder.resolve(name + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // held by another application context in this JVM
        }
        if (lock != null) {
          return new NodeNameLock(name, channel);
        }
        channel.close();
      }
      throw new IOException("all " + MAX_SLOTS + " slots are taken");
    } catch (IOException | RuntimeException e) {
      String name = base + "-" + UUID.randomUUID().toString().substring(0, 3);
      log.warn(
          "Cannot hold a node name in {} ({}); this node is {} until it stops, so after a restart"
              + " its unfinished runs fail only when other nodes find them dead. Set"
              + " relabel.jobs.node-name or relabel.jobs.node-lock-folder.",
          folder,
          e.toString(),
          name);
      return new NodeNameLock(name, null);
    }
  }

  /**
   * The default name's stem: the host name and a tag of the database's URL ({@code build-7-4f2a}).
   * Slots are counted per stem, so an application on another database of this host (a test, a
   * second installation) never takes the slot a restarting node had and leaves it its name. Two
   * nodes of one database started with differently spelled URLs get different tags, hence different
   * names: never the same one. Four hex digits: two databases that share a tag only share slots, as
   * all did before.
   */
  static String stem(String host, String databaseUrl) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(databaseUrl.getBytes(StandardCharsets.UTF_8));
      String tag = HexFormat.of().formatHex(hash, 0, 2);
      return host.substring(0, Math.min(host.length(), MAX_NAME - 4 - 5)) + "-" + tag;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** This machine's host name, or {@code node} when it has none. */
  static String hostName() {
    try {
      String host = InetAddress.getLocalHost().getHostName();
      return host.isBlank() ? "node" : host;
    } catch (UnknownHostException e) {
      return "node";
    }
  }

  String name() {
    return name;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close(); // releases the lock
    }
  }
}
