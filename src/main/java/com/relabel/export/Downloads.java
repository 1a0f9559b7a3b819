package com.relabel.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A streamed text download: a buffered UTF-8 writer on the response. */
public final class Downloads {
  private Downloads() {}

  /** Sets the content type and offers the body as a file named {@code fileName}. */
  public static void offer(HttpServletResponse response, String fileName, String contentType) {
    response.setContentType(contentType);
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
  }

  /**
   * Sets the content type (UTF-8) and offers the body as a file named {@code fileName}; the caller
   * writes and flushes. Check the request before calling this, so that errors can still be sent.
   */
  public static Writer open(HttpServletResponse response, String fileName, String contentType)
      throws IOException {
    offer(response, fileName, contentType + "; charset=utf-8");
    return new BufferedWriter(
        new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
  }
}
