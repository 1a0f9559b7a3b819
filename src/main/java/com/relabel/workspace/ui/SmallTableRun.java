package com.relabel.workspace.ui;

import com.relabel.training.RunSettings;

/**
 * The first run of a small feature table (decision 0045): the defaults are made for MNIST (batch
 * 128, 8 epochs), which give a table of a few hundred rows about 40 optimiser steps and an MLP that
 * underfits. On scikit-learn's breast-cancer table with 20% flips batch 32 and 40 epochs lift the
 * ensemble's AUROC from 0.88 to 0.98 (docs/benchmarks.md, "Feature tables") for seconds of
 * training.
 */
final class SmallTableRun {

  /** Tables up to this many rows get the small-table settings. */
  static final long MAX_ROWS = 10_000;

  static final int BATCH = 32;
  static final int EPOCHS = 40;

  private SmallTableRun() {}

  /** The settings of the first run of a table of {@code rows} rows. */
  static RunSettings of(RunSettings defaults, long rows) {
    if (rows > MAX_ROWS) {
      return defaults;
    }
    return defaults.toBuilder()
        .batchSize(Math.min(defaults.batchSize(), BATCH))
        .epochs(Math.max(defaults.epochs(), EPOCHS))
        .build();
  }
}
