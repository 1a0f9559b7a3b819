package com.relabel.dataset;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes images and labels as MNIST-style IDX files (the format {@link IdxReader} reads), gzipped
 * when the file name ends in {@code .gz}: the dataset's own format, for exporting corrected labels
 * back.
 */
public final class IdxWriter {
  private IdxWriter() {}

  public static void write(LabeledImages data, Path images, Path labels) throws IOException {
    try (var out = open(images)) {
      boolean colour = data.channels() > 1;
      out.writeInt(colour ? 0x00000804 : 0x00000803);
      out.writeInt(data.count());
      out.writeInt(data.height());
      out.writeInt(data.width());
      if (colour) {
        out.writeInt(data.channels());
      }
      out.write(data.pixels());
    }
    try (var out = open(labels)) {
      out.writeInt(0x00000801);
      out.writeInt(data.count());
      for (int label : data.labels()) {
        out.writeByte(label);
      }
    }
  }

  private static DataOutputStream open(Path file) throws IOException {
    OutputStream raw = Files.newOutputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      raw = new GZIPOutputStream(raw, 1 << 16);
    }
    return new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
  }
}
