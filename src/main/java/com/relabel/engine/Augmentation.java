package com.relabel.engine;

import java.util.Locale;

/**
 * Light augmentation of colour images while training (decision 0046): every time a sample is put in
 * a training batch it is shifted by a random crop of the image padded with black on every side by
 * an eighth of its size, and, with {@link #CROP_AND_MIRROR}, mirrored left to right half of the
 * time. Inference, and so the recorded dynamics, always sees the images as they are. Grey images
 * and feature vectors train without augmentation whatever is chosen: on 28x28 Fashion-MNIST shifts
 * and mirroring made the small CNN underfit and lowered the detection (decision 0024).
 */
public enum Augmentation {
  /** The images as they are. */
  NONE,
  /** Random crop of the padded image. */
  CROP,
  /** Random crop of the padded image, and a left-right mirror half of the time. */
  CROP_AND_MIRROR;

  /** The command-line name: none, crop or crop-mirror. */
  public String key() {
    return this == CROP_AND_MIRROR ? "crop-mirror" : name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code none} / {@code crop} / {@code crop-mirror}, any case. */
  public static Augmentation parse(String value) {
    for (Augmentation a : values()) {
      if (a.key().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown augmentation '" + value + "'; known: none, crop, crop-mirror");
  }

  /** Whether images shaped like this are augmented: colour images of at least 8x8. */
  boolean appliesTo(int channels, int height, int width) {
    return this != NONE && channels == 3 && height >= 8 && width >= 8;
  }
}
