package com.relabel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file through a temporary file beside it, moved over the target only when it is
 * complete: a failure never leaves a half-written file behind.
 */
final class ReplacedFile {

  /** Writes the temporary file. */
  @FunctionalInterface
  interface Contents {
    void writeTo(Path tmp) throws IOException;
  }

  private ReplacedFile() {}

  /** Writes {@code target}, creating its folder; {@code suffix} names the temporary file. */
  static void write(Path target, String suffix, Contents contents) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".relabel-", suffix);
    try {
      contents.writeTo(tmp);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
