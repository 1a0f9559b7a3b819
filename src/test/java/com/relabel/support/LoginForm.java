package com.relabel.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The login form as a browser sends it, over plain HTTP: a POST of the user name and password to
 * {@code /login}, answered with a redirect ({@code /login?error} when refused). Redirects are not
 * followed, so a test sees where the form sends the user.
 */
public final class LoginForm {

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final int port;

  public LoginForm(int port) {
    this.port = port;
  }

  public HttpResponse<String> post(String username, String password)
      throws IOException, InterruptedException {
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Where the answer redirects to; empty when it does not. */
  public static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElse("");
  }
}
