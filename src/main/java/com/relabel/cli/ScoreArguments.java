package com.relabel.cli;

import static com.relabel.cli.OptionValues.deviceChoice;
import static com.relabel.cli.OptionValues.parseLong;
import static com.relabel.cli.OptionValues.positive;

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
        case "--device" -> device = deviceChoice(value);
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
}
