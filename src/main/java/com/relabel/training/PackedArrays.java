package com.relabel.training;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian packing of numeric arrays into bytes, for compact per-run storage. */
final class PackedArrays {
  private PackedArrays() {}

  static byte[] pack(float[] values) {
    var buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values);
    return buf.array();
  }

  static byte[] pack(int[] values) {
    var buf = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asIntBuffer().put(values);
    return buf.array();
  }

  static byte[] pack(long[] values) {
    var buf = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asLongBuffer().put(values);
    return buf.array();
  }

  static byte[] pack(float[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    var buf = ByteBuffer.allocate(rows.length * cols * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    var floats = buf.asFloatBuffer();
    for (float[] row : rows) {
      floats.put(row);
    }
    return buf.array();
  }
}
