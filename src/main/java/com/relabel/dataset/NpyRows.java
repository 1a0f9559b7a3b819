package com.relabel.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams the rows of a NumPy {@code .npy} file holding a 2-D array of float32 or float64 in C
 * order (what {@code numpy.save(path, array)} writes for an n x d embedding matrix), one row at a
 * time. The format: the magic {@code \x93NUMPY}, a version, the length of a header that is a Python
 * dict literal ({@code {'descr': '<f4', 'fortran_order': False, 'shape': (60000, 512), }}), then
 * the numbers back to back.
 */
final class NpyRows {

  /** Receives row {@code row} of the array as floats. */
  @FunctionalInterface
  interface Row {
    void accept(int row, float[] values) throws IOException;
  }

  private static final Pattern DESCR =
      Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([a-zA-Z])(\\d+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyRows() {}

  /**
   * @param expectedRows the number of rows the array must have (the dataset's samples)
   * @throws EmbeddingsFormatException for another format, shape or element type, naming the file
   */
  static void read(InputStream in, String name, int expectedRows, Row rows) throws IOException {
    byte[] preamble = in.readNBytes(8);
    if (preamble.length < 8) {
      throw new EmbeddingsFormatException(name, "", "a NumPy file cut short in its header");
    }
    int major = preamble[6];
    byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
    var length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength =
        lengthBytes.length == 2 ? Short.toUnsignedInt(length.getShort()) : length.getInt();
    if (major < 1 || major > 3 || headerLength < 0 || headerLength > 1 << 20) {
      throw new EmbeddingsFormatException(
          name, "", "not a NumPy file this reader knows (format version " + major + ")");
    }
    String header = new String(in.readNBytes((int) headerLength), StandardCharsets.UTF_8);
    Matcher descr = DESCR.matcher(header);
    Matcher fortran = FORTRAN.matcher(header);
    Matcher shape = SHAPE.matcher(header);
    if (!descr.find() || !fortran.find() || !shape.find()) {
      throw new EmbeddingsFormatException(
          name, "", "a NumPy header without descr, fortran_order or shape");
    }
    String kind = descr.group(2);
    int width = Integer.parseInt(descr.group(3));
    if (!kind.equals("f") || (width != 4 && width != 8)) {
      throw new EmbeddingsFormatException(
          name,
          "",
          "elements of type '"
              + descr.group(1)
              + kind
              + width
              + "'; save the array as float32 or float64 (array.astype('float32'))");
    }
    if (fortran.group(1).equals("True")) {
      throw new EmbeddingsFormatException(
          name, "", "a Fortran-order array; save numpy.ascontiguousarray(array) instead");
    }
    String[] dims = shape.group(1).replace(" ", "").split(",");
    if (dims.length != 2 || dims[1].isEmpty()) {
      throw new EmbeddingsFormatException(
          name,
          "",
          "an array of shape (" + shape.group(1) + "); it must be 2-D: samples x components");
    }
    long n = Long.parseLong(dims[0]);
    long d = Long.parseLong(dims[1]);
    if (n != expectedRows) {
      throw new EmbeddingsFormatException(
          name,
          "",
          n + " rows, but the dataset has " + expectedRows + " samples (row i = sample i)");
    }
    if (d < 1 || d > EmbeddingsFile.MAX_DIMENSION) {
      throw new EmbeddingsFormatException(
          name, "", d + " columns (1 to " + EmbeddingsFile.MAX_DIMENSION + " allowed)");
    }
    ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    byte[] bytes = new byte[(int) d * width];
    var buffer = ByteBuffer.wrap(bytes).order(order);
    for (int row = 0; row < n; row++) {
      if (in.readNBytes(bytes, 0, bytes.length) < bytes.length) {
        throw new EmbeddingsFormatException(
            name, "row " + row, "the file ends; the header promises " + n + " rows");
      }
      float[] values = new float[(int) d];
      buffer.clear();
      for (int j = 0; j < values.length; j++) {
        values[j] = width == 4 ? buffer.getFloat() : (float) buffer.getDouble();
      }
      rows.accept(row, values);
    }
    if (in.read() != -1) {
      throw new EmbeddingsFormatException(
          name, "", "bytes after the last of the " + n + " rows the header promises");
    }
  }
}
