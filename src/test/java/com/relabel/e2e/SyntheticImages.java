package com.relabel.e2e;

import com.relabel.dataset.LabeledImages;
import java.util.SplittableRandom;

/**
 * Small seeded 28x28 grey images for the browser tests' own datasets: class {@code c} is a bright
 * 4x4 block at a position of its own over faint noise, so a short run can learn something of it.
 */
final class SyntheticImages {
  private static final int SIDE = 28;

  private SyntheticImages() {}

  /** {@code perClass} images of each of {@code classes} classes, labels in class order. */
  static LabeledImages of(int classes, int perClass, long seed) {
    var random = new SplittableRandom(seed);
    int count = classes * perClass;
    byte[] pixels = new byte[count * SIDE * SIDE];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      int label = i % classes;
      labels[i] = label;
      int top = 2 + (label / 6) * 5;
      int left = 2 + (label % 6) * 4;
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          boolean block = y >= top && y < top + 4 && x >= left && x < left + 4;
          int value = block ? 200 + random.nextInt(56) : random.nextInt(40);
          pixels[i * SIDE * SIDE + y * SIDE + x] = (byte) value;
        }
      }
    }
    return new LabeledImages(count, SIDE, SIDE, 1, pixels, labels, classes);
  }
}
