package com.relabel.dataset;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads images and labels in the IDX format of MNIST and its relatives, raw or gzip-compressed
 * (recognised by the gzip magic bytes, whatever the file is called).
 *
 * <p>Images: magic {@code 0x00000803} (unsigned bytes; count, rows, columns) or {@code 0x00000804}
 * (count, rows, columns, channels). Labels: magic {@code 0x00000801} (unsigned bytes; count). Any
 * deviation is refused with an {@link IdxFormatException} that names the file and the problem.
 */
public final class IdxReader {

  static final int IMAGES_MAGIC = 0x00000803;
  static final int COLOR_IMAGES_MAGIC = 0x00000804;
  static final int LABELS_MAGIC = 0x00000801;
  private static final int UNSIGNED_BYTE = 0x08;
  private static final int BUFFER = 1 << 16;
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

  /** Opens a stream; may be called once per read. */
  @FunctionalInterface
  public interface IoSupplier<T> {
    T get() throws IOException;
  }

  private IdxReader() {}

  /**
   * Reads an images file and its labels file.
   *
   * @param numClasses the number of classes, or {@code null} to use the largest label + 1
   */
  public static LabeledImages read(Path images, Path labels, Integer numClasses)
      throws IOException {
    return read(
        images.toString(),
        () -> Files.newInputStream(images),
        labels.toString(),
        () -> Files.newInputStream(labels),
        numClasses);
  }

  /**
   * Reads images and labels from streams, e.g. classpath resources; the names are only used in
   * error messages.
   *
   * @param numClasses the number of classes (1 to 256), or {@code null} for the largest label + 1
   */
  public static LabeledImages read(
      String imagesName,
      IoSupplier<InputStream> images,
      String labelsName,
      IoSupplier<InputStream> labels,
      Integer numClasses)
      throws IOException {
    return read(imagesName, images, labelsName, labels, numClasses, Long.MAX_VALUE);
  }

  /**
   * As {@link #read(String, IoSupplier, String, IoSupplier, Integer)}, refusing from the images
   * header, before reading any pixel, images whose pixel bytes exceed {@code maxDecodedBytes} (an
   * upload's quota, {@link ImportLimits#maxDecodedBytes()}).
   */
  public static LabeledImages read(
      String imagesName,
      IoSupplier<InputStream> images,
      String labelsName,
      IoSupplier<InputStream> labels,
      Integer numClasses,
      long maxDecodedBytes)
      throws IOException {
    if (numClasses != null && (numClasses < 1 || numClasses > 256)) {
      throw new IllegalArgumentException("numClasses must be 1 to 256, was " + numClasses);
    }
    int[] shape;
    byte[] pixels;
    try (InputStream in = open(imagesName, images.get())) {
      shape = readImagesHeader(imagesName, in);
      String refusal =
          ImportLimits.DEFAULT
              .with(maxDecodedBytes, ImportLimits.DEFAULT.maxImagePixels())
              .decodedRefusal(
                  shape[0],
                  (long) shape[1] * shape[2] * shape[3],
                  shape[1] + "x" + shape[2] + (shape[3] == 1 ? "" : "x" + shape[3]) + " images");
      if (refusal != null) {
        throw new IdxFormatException(imagesName, refusal);
      }
      pixels = new byte[(int) ((long) shape[0] * shape[1] * shape[2] * shape[3])];
      readData(imagesName, in, pixels, "pixel bytes for " + describe(shape));
      expectEnd(imagesName, in, shape[0] + " images");
    }
    int count = shape[0];
    byte[] raw;
    try (InputStream in = open(labelsName, labels.get())) {
      int labelCount = readHeader(labelsName, in, false)[0];
      if (labelCount != count) {
        throw new IdxFormatException(
            labelsName,
            "has %d labels but %s has %d images".formatted(labelCount, imagesName, count));
      }
      raw = new byte[count];
      readData(labelsName, in, raw, "label bytes");
      expectEnd(labelsName, in, count + " labels");
    }
    int[] labelValues = new int[count];
    int max = 0;
    for (int i = 0; i < count; i++) {
      int label = raw[i] & 0xff;
      if (numClasses != null && label >= numClasses) {
        throw new IdxFormatException(
            labelsName,
            "label %d of sample %d is outside the class range [0, %d)"
                .formatted(label, i, numClasses));
      }
      labelValues[i] = label;
      max = Math.max(max, label);
    }
    String tooFew =
        ImportLimits.classesRefusal(
            java.util.Arrays.stream(labelValues).distinct().sorted().boxed().toList());
    if (tooFew != null) {
      throw new IdxFormatException(labelsName, tooFew);
    }
    int classes = numClasses != null ? numClasses : max + 1;
    return new LabeledImages(count, shape[1], shape[2], shape[3], pixels, labelValues, classes);
  }

  private static InputStream open(String name, InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 != 0x1f || b1 != 0x8b) {
      return in;
    }
    try {
      return new GZIPInputStream(in, BUFFER);
    } catch (EOFException e) {
      in.close();
      throw new IdxFormatException(name, "truncated gzip header");
    } catch (ZipException e) {
      in.close();
      throw new IdxFormatException(name, "corrupt gzip data: " + e.getMessage());
    }
  }

  /** Returns {count, rows, columns, channels}. */
  private static int[] readImagesHeader(String name, InputStream in) throws IOException {
    int[] dims = readHeader(name, in, true);
    long size = (long) dims[0] * dims[1] * dims[2] * (dims.length == 4 ? dims[3] : 1);
    if (size > MAX_ARRAY) {
      throw new IdxFormatException(name, "too large: " + size + " pixel bytes (limit 2 GiB)");
    }
    return new int[] {dims[0], dims[1], dims[2], dims.length == 4 ? dims[3] : 1};
  }

  private static int[] readHeader(String name, InputStream in, boolean images) throws IOException {
    String expected = images ? "0x00000803 or 0x00000804 (images)" : "0x00000801 (labels)";
    byte[] head = new byte[4];
    int found = readFully(name, in, head);
    if (found == 0) {
      throw new IdxFormatException(name, "empty file");
    }
    if (found < 4) {
      throw new IdxFormatException(name, "truncated header: expected 4 bytes, found " + found);
    }
    int magic = toInt(head, 0);
    String magicText = "magic number 0x%08X".formatted(magic);
    int type = (magic >>> 8) & 0xff;
    int rank = magic & 0xff;
    if ((magic >>> 16) != 0) {
      throw new IdxFormatException(
          name, "not an IDX file: " + magicText + ", expected " + expected);
    }
    boolean looksSwapped =
        images ? magic == LABELS_MAGIC : magic == IMAGES_MAGIC || magic == COLOR_IMAGES_MAGIC;
    if (looksSwapped) {
      throw new IdxFormatException(
          name,
          "%s is %s, expected %s; are the images and labels files swapped?"
              .formatted(magicText, images ? "a labels file" : "an images file", expected));
    }
    if (type != UNSIGNED_BYTE) {
      throw new IdxFormatException(
          name,
          "unsupported data type 0x%02X in %s; only unsigned bytes (0x08) are supported"
              .formatted(type, magicText));
    }
    if (images ? rank != 3 && rank != 4 : rank != 1) {
      throw new IdxFormatException(
          name, "%s has %d dimensions, expected %s".formatted(magicText, rank, expected));
    }
    byte[] dimBytes = new byte[4 * rank];
    found = readFully(name, in, dimBytes);
    if (found < dimBytes.length) {
      throw new IdxFormatException(
          name,
          "truncated header: expected %d bytes, found %d"
              .formatted(4 + dimBytes.length, 4 + found));
    }
    String[] names = {images ? "images" : "labels", "rows", "columns", "channels"};
    int[] dims = new int[rank];
    for (int d = 0; d < rank; d++) {
      long value = toInt(dimBytes, 4 * d) & 0xffffffffL;
      if (value == 0 || value > Integer.MAX_VALUE) {
        throw new IdxFormatException(
            name, "invalid dimension: %d %s in the header".formatted(value, names[d]));
      }
      dims[d] = (int) value;
    }
    return dims;
  }

  private static void readData(String name, InputStream in, byte[] target, String what)
      throws IOException {
    int found = readFully(name, in, target);
    if (found < target.length) {
      throw new IdxFormatException(
          name, "truncated: expected %d %s, found %d".formatted(target.length, what, found));
    }
  }

  private static void expectEnd(String name, InputStream in, String after) throws IOException {
    long extra;
    try {
      extra = in.transferTo(OutputStream.nullOutputStream());
    } catch (EOFException e) {
      throw new IdxFormatException(name, "truncated: the gzip stream ends before its trailer");
    }
    if (extra > 0) {
      throw new IdxFormatException(
          name, "trailing data: %d unexpected bytes after %s".formatted(extra, after));
    }
  }

  /** Reads until {@code target} is full or the stream ends; returns the bytes read. */
  private static int readFully(String name, InputStream in, byte[] target) throws IOException {
    int total = 0;
    try {
      while (total < target.length) {
        int n = in.read(target, total, target.length - total);
        if (n < 0) {
          break;
        }
        total += n;
      }
    } catch (EOFException e) {
      // gzip stream cut short: report as truncated with what arrived
    } catch (ZipException e) {
      throw new IdxFormatException(name, "corrupt gzip data: " + e.getMessage());
    }
    return total;
  }

  private static String describe(int[] shape) {
    String size = shape[1] + "x" + shape[2] + (shape[3] == 1 ? "" : "x" + shape[3]);
    return shape[0] + " images of " + size;
  }

  private static int toInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | b[at + 3] & 0xff;
  }
}
