package com.relabel.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.relabel.dataset.LabeledImages;
import java.util.Random;

/**
 * Builds NCHW float batches in [0, 1] from the images' bytes on the fly, so that the data set is
 * held once, as bytes; only one batch at a time exists as floats.
 */
final class ImageBatches {

  private final LabeledImages data;
  private final byte[] source;
  private final int channels;
  private final int pixels;

  ImageBatches(LabeledImages data) {
    this.data = data;
    this.source = data.pixels();
    this.channels = data.channels();
    this.pixels = data.height() * data.width();
  }

  /** Images of the samples {@code order[from..to)}, shape (to - from, C, H, W). */
  NDArray images(NDManager manager, int[] order, int from, int to) {
    SampleWriter scaled =
        (s, in, batch, out) -> {
          for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < channels; c++) {
              batch[out + c * pixels + p] = (source[in + p * channels + c] & 0xff) / 255f;
            }
          }
        };
    return batch(manager, order, from, to, scaled);
  }

  /**
   * Like {@link #images}, each image shifted by a random crop of itself padded with black by an
   * eighth of its size on every side (at least 1 pixel), and mirrored left to right half of the
   * time when {@code mirror} (see {@link Augmentation}). Shifts and mirrors are drawn from {@code
   * random}.
   */
  NDArray augmentedImages(
      NDManager manager, int[] order, int from, int to, boolean mirror, Random random) {
    int height = data.height();
    int width = data.width();
    int padY = Math.max(1, height / 8);
    int padX = Math.max(1, width / 8);
    SampleWriter shifted =
        (s, in, batch, out) -> {
          int dy = random.nextInt(2 * padY + 1) - padY;
          int dx = random.nextInt(2 * padX + 1) - padX;
          boolean flip = mirror && random.nextBoolean();
          for (int y = 0; y < height; y++) {
            int sy = y + dy;
            if (sy < 0 || sy >= height) {
              continue; // the padding: black, as the array starts
            }
            for (int x = 0; x < width; x++) {
              int sx = (flip ? width - 1 - x : x) + dx;
              if (sx < 0 || sx >= width) {
                continue;
              }
              int at = in + (sy * width + sx) * channels;
              int p = y * width + x;
              for (int c = 0; c < channels; c++) {
                batch[out + c * pixels + p] = (source[at + c] & 0xff) / 255f;
              }
            }
          }
        };
    return batch(manager, order, from, to, shifted);
  }

  /**
   * Synthetic images: row {@code r} is {@code w x_i + (1 - w) x_j} for sample {@code i = order[from
   * + r]}, {@code j = partners[r]} and {@code w = weights[r]}; shape (to - from, C, H, W).
   */
  NDArray mixedImages(
      NDManager manager, int[] order, int from, int to, int[] partners, float[] weights) {
    SampleWriter mixed =
        (s, in, batch, out) -> {
          int partner = partners[s] * data.sampleSize();
          float w = weights[s] / 255f;
          float v = (1 - weights[s]) / 255f;
          for (int i = 0; i < pixels * channels; i++) {
            int p = i / channels;
            int c = i % channels;
            batch[out + c * pixels + p] =
                w * (source[in + i] & 0xff) + v * (source[partner + i] & 0xff);
          }
        };
    return batch(manager, order, from, to, mixed);
  }

  /** How one image of a batch is written, from HWC bytes to CHW floats. */
  @FunctionalInterface
  private interface SampleWriter {
    /**
     * Writes sample {@code s} of the batch, whose bytes start at {@code source[in]}, at {@code
     * batch[out]}.
     */
    void write(int s, int in, float[] batch, int out);
  }

  /**
   * The images of the samples {@code order[from..to)}, shape (to - from, C, H, W), each written by
   * {@code writer} into floats that start at 0 (black).
   */
  private NDArray batch(NDManager manager, int[] order, int from, int to, SampleWriter writer) {
    int sampleSize = data.sampleSize();
    float[] batch = new float[(to - from) * sampleSize];
    for (int s = 0; s < to - from; s++) {
      writer.write(s, order[from + s] * sampleSize, batch, s * sampleSize);
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
