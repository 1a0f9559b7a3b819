package com.relabel.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.relabel.dataset.LabeledImages;

/**
 * Builds NCHW float batches in [0, 1] from the images' bytes on the fly, so that the data set is
 * held once, as bytes; only one batch at a time exists as floats.
 */
final class ImageBatches {

  private final LabeledImages data;
  private final int pixels;

  ImageBatches(LabeledImages data) {
    this.data = data;
    this.pixels = data.height() * data.width();
  }

  /** Images of the samples {@code order[from..to)}, shape (to - from, C, H, W). */
  NDArray images(NDManager manager, int[] order, int from, int to) {
    int channels = data.channels();
    int sampleSize = data.sampleSize();
    float[] batch = new float[(to - from) * sampleSize];
    byte[] source = data.pixels();
    for (int s = 0; s < to - from; s++) {
      int in = order[from + s] * sampleSize;
      int out = s * sampleSize;
      for (int p = 0; p < pixels; p++) {
        for (int c = 0; c < channels; c++) {
          batch[out + c * pixels + p] = (source[in++] & 0xff) / 255f;
        }
      }
    }
    return manager.create(batch, new Shape(to - from, channels, data.height(), data.width()));
  }

  /**
   * Synthetic images: row {@code r} is {@code w x_i + (1 - w) x_j} for sample {@code i = order[from
   * + r]}, {@code j = partners[r]} and {@code w = weights[r]}; shape (to - from, C, H, W).
   */
  NDArray mixedImages(
      NDManager manager, int[] order, int from, int to, int[] partners, float[] weights) {
    int channels = data.channels();
    int sampleSize = data.sampleSize();
    float[] batch = new float[(to - from) * sampleSize];
    byte[] source = data.pixels();
    for (int s = 0; s < to - from; s++) {
      int in = order[from + s] * sampleSize;
      int partner = partners[s] * sampleSize;
      float w = weights[s] / 255f;
      float v = (1 - weights[s]) / 255f;
      int out = s * sampleSize;
      for (int p = 0; p < pixels; p++) {
        for (int c = 0; c < channels; c++) {
          batch[out + c * pixels + p] = w * (source[in++] & 0xff) + v * (source[partner++] & 0xff);
        }
      }
    }
    return manager.create(batch, new Shape(to - from, channels, data.height(), data.width()));
  }

  /** Given labels of the samples {@code order[from..to)}, shape (to - from). */
  NDArray labels(NDManager manager, int[] order, int from, int to) {
    float[] labels = new float[to - from];
    for (int s = 0; s < labels.length; s++) {
      labels[s] = data.labels()[order[from + s]];
    }
    return manager.create(labels);
  }
}
