package com.relabel.dataset;

/**
 * Resizes 8-bit images held as {@code [row][column][channel]} bytes, one axis after the other: area
 * averaging along an axis that shrinks (every source pixel counts by how much of it the target
 * pixel covers), bilinear interpolation along one that grows. Plain arithmetic in a fixed order, so
 * the same input gives the same bytes on every machine.
 */
final class ImageResizer {

  private ImageResizer() {}

  static byte[] resize(byte[] src, int height, int width, int channels, int toH, int toW) {
    if (height == toH && width == toW) {
      return src;
    }
    Taps cols = Taps.of(width, toW);
    Taps rows = Taps.of(height, toH);
    double[] wide = new double[height * toW * channels];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < toW; x++) {
        for (int c = 0; c < channels; c++) {
          double sum = 0;
          for (int t = 0; t < cols.weights[x].length; t++) {
            int sx = cols.start[x] + t;
            sum += cols.weights[x][t] * (src[(y * width + sx) * channels + c] & 0xff);
          }
          wide[(y * toW + x) * channels + c] = sum;
        }
      }
    }
    byte[] out = new byte[toH * toW * channels];
    for (int y = 0; y < toH; y++) {
      for (int x = 0; x < toW; x++) {
        for (int c = 0; c < channels; c++) {
          double sum = 0;
          for (int t = 0; t < rows.weights[y].length; t++) {
            sum += rows.weights[y][t] * wide[((rows.start[y] + t) * toW + x) * channels + c];
          }
          out[(y * toW + x) * channels + c] = (byte) Math.clamp(Math.round(sum), 0, 255);
        }
      }
    }
    return out;
  }

  /** For each target index along one axis: the first source index and the weights from there. */
  private record Taps(int[] start, double[][] weights) {

    static Taps of(int from, int to) {
      int[] start = new int[to];
      double[][] weights = new double[to][];
      double ratio = (double) from / to;
      for (int j = 0; j < to; j++) {
        if (to < from) {
          double lo = j * ratio;
          double hi = (j + 1) * ratio;
          int first = (int) Math.floor(lo);
          int last = Math.min(from - 1, (int) Math.ceil(hi) - 1);
          start[j] = first;
          weights[j] = new double[last - first + 1];
          for (int i = first; i <= last; i++) {
            double overlap = Math.min(hi, i + 1) - Math.max(lo, i);
            weights[j][i - first] = overlap / ratio;
          }
        } else {
          double x = Math.clamp((j + 0.5) * ratio - 0.5, 0, from - 1);
          int i0 = (int) Math.floor(x);
          int i1 = Math.min(i0 + 1, from - 1);
          double frac = x - i0;
          start[j] = i0;
          weights[j] = i1 == i0 ? new double[] {1} : new double[] {1 - frac, frac};
        }
      }
      return new Taps(start, weights);
    }
  }
}
