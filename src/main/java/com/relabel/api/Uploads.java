package com.relabel.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files saved under their own names in a fresh temporary folder (the importers name the
 * file in their errors and in the dataset's source), removed again when the import is over.
 */
final class Uploads implements AutoCloseable {

  private final Path dir;
  private int parts;

  Uploads() throws IOException {
    this.dir = Files.createTempDirectory("relabel-api-upload-");
  }

  /** Saves the part under its file name, or under {@code fallback} when it has none. */
  Path save(MultipartFile part, String fallback) throws IOException {
    String name = safeName(part.getOriginalFilename(), fallback);
    // a folder per part: two parts with one file name (blobs, a/x and b/x) never overwrite
    Path file = Files.createDirectory(dir.resolve("part-" + parts++)).resolve(name);
    part.transferTo(file);
    return file;
  }

  /** The last segment of a client's file name, or the fallback where that is none or a dot path. */
  static String safeName(String original, String fallback) {
    if (original == null) {
      return fallback;
    }
    String[] segments = original.replace('\\', '/').split("/");
    String last = segments.length == 0 ? "" : segments[segments.length - 1].strip();
    return last.isEmpty() || last.equals(".") || last.equals("..") ? fallback : last;
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(Uploads::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
