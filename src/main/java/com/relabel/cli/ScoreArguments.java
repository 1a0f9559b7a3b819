package com.relabel.cli;

import com.relabel.training.DeviceChoice;
import java.nio.file.Path;

/** The parsed options of {@code relabel score}. */
record ScoreArguments(
    Path images,
    Path labels,
    Path out,
    int epochs,
    long seed,
    DeviceChoice device,
    Integer classes,
    int batchSize,
    int folds) {

  static ScoreArguments parse(String[] args) {
    Path images = null;
    Path labels = null;
    Path out = null;
    int epochs = 5;
    long seed = 42;
    DeviceChoice device = DeviceChoice.AUTO;
    Integer classes = null;
    int batchSize = 128;
    int folds = 4;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--images" -> images = Path.of(value);
        case "--labels" -> labels = Path.of(value);
        case "--out" -> out = Path.of(value);
        case "--epochs" -> epochs = positive(flag, value);
        case "--seed" -> seed = parseLong(flag, value);
        case "--device" -> device = device(value);
        case "--classes" -> classes = positive(flag, value);
        case "--batch-size" -> batchSize = positive(flag, value);
        case "--folds" -> folds = (int) parseLong(flag, value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (images == null || labels == null || out == null) {
      throw new IllegalArgumentException("--images, --labels and --out are required");
    }
    if (classes != null && (classes < 2 || classes > 256)) {
      throw new IllegalArgumentException("--classes must be between 2 and 256, not " + classes);
    }
    if (folds == 1 || folds < 0 || folds > 20) {
      throw new IllegalArgumentException("--folds must be 0 (off) or 2 to 20, not " + folds);
    }
    return new ScoreArguments(images, labels, out, epochs, seed, device, classes, batchSize, folds);
  }

  private static int positive(String flag, String value) {
    long v = parseLong(flag, value);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(flag + " must be a positive integer, not " + value);
    }
    return (int) v;
  }

  private static long parseLong(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be an integer, not " + value);
    }
  }

  private static DeviceChoice device(String value) {
    try {
      return DeviceChoice.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--device must be auto, cpu or gpu, not " + value);
    }
  }
}
