package com.relabel.dataset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an n x d float32 matrix as NumPy {@code .npy} (format 1.0, C order, little-endian), one
 * row at a time, as {@code numpy.save} would: for benchmarks and tests of {@link NpyRows}.
 */
public final class NpyWriter implements AutoCloseable {

  private final OutputStream out;
  private final ByteBuffer row;

  /** Starts the file with its header for {@code rows} rows of {@code columns} floats. */
  public NpyWriter(Path file, int rows, int columns) throws IOException {
    out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    String dict =
        "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
    // the magic, version and length take 10 bytes; the header is padded so the data starts on a
    // multiple of 64 bytes, ending in a newline
    int total = 10 + dict.length() + 1;
    int padded = (total + 63) / 64 * 64;
    String header = dict + " ".repeat(padded - total) + "\n";
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(header.length() & 0xFF);
    out.write(header.length() >> 8);
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    row = ByteBuffer.allocate(4 * columns).order(ByteOrder.LITTLE_ENDIAN);
  }

  public void write(float[] values) throws IOException {
    row.clear();
    for (float v : values) {
      row.putFloat(v);
    }
    out.write(row.array(), 0, row.position());
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
