package com.relabel.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of an image folder, a directory or a ZIP, named by their path relative to the root with
 * {@code /} separators, in a stable order.
 */
interface ImageSource extends Closeable {

  /** Opens a directory or a ZIP file (recognised by its magic bytes, whatever it is called). */
  static ImageSource open(Path path, ImportLimits limits) throws IOException {
    if (Files.isDirectory(path)) {
      return new DirectorySource(path, limits);
    }
    if (!Files.isRegularFile(path)) {
      throw new ImageFolderException(path.toString(), "no such file or directory");
    }
    return new ZipSource(path, limits);
  }

  /** What the user called this source, for messages. */
  String name();

  /** Every regular file, sorted by path. */
  List<String> files();

  /** Opens one file; at most {@link ImportLimits#maxImageBytes()} bytes are read from it. */
  InputStream open(String file) throws IOException;

  @Override
  default void close() throws IOException {}
}
