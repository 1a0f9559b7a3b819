package com.relabel.dataset;

/**
 * Images with one label each, held in memory as one byte array.
 *
 * <p>Sample {@code i} occupies {@code pixels[i * sampleSize() .. (i + 1) * sampleSize())}, stored
 * row-major with channels last ({@code [row][column][channel]}), one unsigned byte per value.
 *
 * @param count number of samples
 * @param height image height in pixels
 * @param width image width in pixels
 * @param channels 1 for grayscale, 3 for RGB
 * @param pixels all images, back to back
 * @param labels one label per sample, each in {@code [0, numClasses)}
 * @param numClasses number of classes K
 */
public record LabeledImages(
    int count, int height, int width, int channels, byte[] pixels, int[] labels, int numClasses) {

  public LabeledImages {
    if (count < 0 || height <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException("bad image shape");
    }
    if ((long) count * height * width * channels != pixels.length) {
      throw new IllegalArgumentException("pixel buffer does not match " + count + " images");
    }
    if (labels.length != count) {
      throw new IllegalArgumentException(labels.length + " labels for " + count + " images");
    }
    if (numClasses < 1) {
      throw new IllegalArgumentException("at least one class is needed");
    }
  }

  public int sampleSize() {
    return height * width * channels;
  }

  /** A copy of the pixels of sample {@code i}. */
  public byte[] image(int i) {
    byte[] out = new byte[sampleSize()];
    System.arraycopy(pixels, i * sampleSize(), out, 0, out.length);
    return out;
  }

  /** The same images with other labels (e.g. after noise injection or corrections). */
  public LabeledImages withLabels(int[] newLabels) {
    return new LabeledImages(count, height, width, channels, pixels, newLabels, numClasses);
  }

  /** The first {@code n} samples. */
  public LabeledImages head(int n) {
    int m = Math.min(n, count);
    byte[] px = new byte[m * sampleSize()];
    System.arraycopy(pixels, 0, px, 0, px.length);
    int[] lb = new int[m];
    System.arraycopy(labels, 0, lb, 0, m);
    return new LabeledImages(m, height, width, channels, px, lb, numClasses);
  }
}
