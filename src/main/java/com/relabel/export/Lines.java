package com.relabel.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writing streamed rows from inside JDBC row callbacks, which cannot throw IOException. */
final class Lines {
  private Lines() {}

  static void write(Writer out, String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
