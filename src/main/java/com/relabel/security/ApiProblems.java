package com.relabel.security;

import com.relabel.base.JsonText;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * RFC 9457 problem responses written straight to the servlet response: for requests that the API's
 * security refuses, and for faults that happen before a request reaches a controller (a database
 * outage while a token is looked up).
 */
public final class ApiProblems {

  static final int SC_TOO_MANY_REQUESTS = 429;

  private ApiProblems() {}

  static void write(HttpServletResponse response, int status, String detail) throws IOException {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"relabel\"");
    }
    String title =
        switch (status) {
          case HttpServletResponse.SC_UNAUTHORIZED -> "Unauthorized";
          case SC_TOO_MANY_REQUESTS -> "Too Many Requests";
          default -> "Forbidden";
        };
    write(response, status, title, detail);
  }

  /** Writes a problem with this status, title and detail as {@code application/problem+json}. */
  public static void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + JsonText.escape(title)
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + JsonText.escape(detail)
                + "\"}");
  }
}
