package com.relabel.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** RFC 9457 problem responses for requests that the API's security refuses. */
final class ApiProblems {

  static final int SC_TOO_MANY_REQUESTS = 429;

  private ApiProblems() {}

  static void write(HttpServletResponse response, int status, String detail) throws IOException {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"relabel\"");
    }
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String title =
        switch (status) {
          case HttpServletResponse.SC_UNAUTHORIZED -> "Unauthorized";
          case SC_TOO_MANY_REQUESTS -> "Too Many Requests";
          default -> "Forbidden";
        };
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
  }
}
