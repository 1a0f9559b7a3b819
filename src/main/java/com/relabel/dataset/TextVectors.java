package com.relabel.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sentence vectors as stored, one row per sample ({@code sample_embedding.vector}): each component
 * as an IEEE 754 half-precision number, little-endian, 2 bytes, so 768 bytes for the encoder's 384
 * components. Half precision keeps about three decimal digits, far finer than the distances between
 * neighbours that the vectors are used for, at half the size of {@code float} (decision 0038).
 */
final class TextVectors {

  private TextVectors() {}

  public static byte[] toBytes(float[] vector) {
    ByteBuffer out = ByteBuffer.allocate(2 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : vector) {
      out.putShort(Float.floatToFloat16(v));
    }
    return out.array();
  }

  /**
   * @throws IllegalArgumentException when the bytes are not an even number
   */
  public static float[] fromBytes(byte[] bytes) {
    if (bytes.length % 2 != 0) {
      throw new IllegalArgumentException("a stored vector of " + bytes.length + " bytes is cut");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[bytes.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = Float.float16ToFloat(in.getShort());
    }
    return out;
  }
}
