package com.relabel.cli;

import com.relabel.dataset.ImageFolderReader;
import com.relabel.dataset.ImageSizePolicy;
import com.relabel.dataset.LabeledImages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Reads an image folder or ZIP for {@code relabel score} and says what it found. */
final class ImageFolderScore {

  private ImageFolderScore() {}

  static LabeledImages read(Path source, ImageSizePolicy size, PrintStream out) throws IOException {
    try (var reader = ImageFolderReader.open(source, size)) {
      out.printf(
          "%s: %,d images, classes %s, %d resized to %dx%d%n",
          reader.description(),
          reader.count(),
          String.join(", ", reader.classNames()),
          reader.resizedCount(),
          reader.width(),
          reader.height());
      return reader.readAll();
    }
  }
}
