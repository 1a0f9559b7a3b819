package com.relabel.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files saved under their own names in a fresh temporary folder (the importers name the
 * file in their errors and in the dataset's source), removed again when the import is over. Opened
 * by {@link UploadFolders}, which writes the bytes.
 */
final class Uploads implements AutoCloseable {

  /** The most characters of an uploaded file's name (it is stored as the dataset's source). */
  static final int MAX_NAME_CHARS = 200;

  /** The most bytes of a file name in UTF-8 that file systems take (ext4, XFS, NTFS). */
  static final int MAX_NAME_BYTES = 255;

  private final UploadFolders folders;
  private final Path dir;
  private int parts;

  Uploads(UploadFolders folders) throws IOException {
    this.folders = folders;
    this.dir = Files.createTempDirectory("relabel-api-upload-");
  }

  /** Saves the part under its file name, or under {@code fallback} when it has none. */
  Path save(MultipartFile part, String fallback) throws IOException {
    String name = checkedName(safeName(part.getOriginalFilename(), fallback));
    // a folder per part: two parts with one file name (blobs, a/x and b/x) never overwrite
    Path file = Files.createDirectory(dir.resolve("part-" + parts++)).resolve(name);
    folders.write(part, file);
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

  /**
   * The file name if it can be saved and stored: at most {@value #MAX_NAME_CHARS} characters and
   * {@value #MAX_NAME_BYTES} bytes in UTF-8, no NUL or other control character.
   */
  static String checkedName(String name) {
    String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "the file name '"
              + shown.replaceAll("\\p{Cntrl}", "?")
              + "' contains a control character (such as NUL, U+0000); rename the file");
    }
    if (name.length() > MAX_NAME_CHARS) {
      throw new IllegalArgumentException(
          "the file name '%s' has %d characters; at most %d are allowed: rename the file"
              .formatted(shown, name.length(), MAX_NAME_CHARS));
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_NAME_BYTES) {
      throw new IllegalArgumentException(
          "the file name '%s' takes %d bytes in UTF-8; at most %d are allowed: rename the file"
              .formatted(shown, bytes, MAX_NAME_BYTES));
    }
    return name;
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
