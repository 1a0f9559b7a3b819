package com.relabel.engine;

/**
 * The one rule that gives a small dataset enough optimiser steps (decision 0050). The defaults are
 * made for MNIST-sized sets (batch 128, 8 epochs, folds of 6 epochs): a table of 569 rows gets
 * about 40 steps from them and an MLP that underfits. When the main model or a cross-validation
 * fold would take fewer than {@code steps} steps, the batch shrinks only as far as it must (never
 * below {@value #SMALLEST_BATCH}), then the epochs grow until the steps are reached (never beyond
 * {@value #MOST_EPOCHS}, never fewer than asked). A set large enough for the asked settings is left
 * exactly as it was; {@code steps} 0 turns the rule off. Measured in docs/benchmarks.md, "Feature
 * tables".
 *
 * @param steps the fewest optimiser steps the main model and each fold should take; 0 for no rule
 */
public record MinimumSteps(int steps) {

  /** The default of {@code relabel.training.min-steps} and of the command line's --min-steps. */
  public static final int DEFAULT_STEPS = 400;

  /** The batch is never made smaller than this. */
  public static final int SMALLEST_BATCH = 32;

  /** The epochs (of the main model or of a fold) are never raised beyond this. */
  public static final int MOST_EPOCHS = 50;

  public MinimumSteps {
    if (steps < 0) {
      throw new IllegalArgumentException("minimum steps must be 0 (no rule) or more, not " + steps);
    }
  }

  /** No rule: every setting as asked. */
  public static MinimumSteps none() {
    return new MinimumSteps(0);
  }

  /** The options to train {@code samples} samples with: {@code asked}, or more steps. */
  public TrainingOptions apply(TrainingOptions asked, int samples) {
    int foldSamples = asked.folds() == 0 ? 0 : samples - samples / asked.folds();
    boolean mainShort = stepsOf(samples, asked.batchSize(), asked.epochs()) < steps;
    boolean foldShort =
        asked.folds() > 0 && stepsOf(foldSamples, asked.batchSize(), asked.foldEpochs()) < steps;
    if (samples == 0 || !(mainShort || foldShort)) {
      return asked;
    }
    int batch = asked.batchSize();
    if (mainShort) {
      batch = Math.min(batch, (int) ((long) samples * asked.epochs() / steps));
    }
    if (foldShort) {
      batch = Math.min(batch, (int) ((long) foldSamples * asked.foldEpochs() / steps));
    }
    batch = Math.max(batch, Math.min(SMALLEST_BATCH, asked.batchSize()));
    int epochs = epochsFor(samples, batch, asked.epochs());
    int foldEpochs =
        asked.folds() == 0 ? asked.foldEpochs() : epochsFor(foldSamples, batch, asked.foldEpochs());
    return asked.toBuilder()
        .batchSize(batch)
        .epochs(epochs)
        .folds(asked.folds(), foldEpochs)
        .build();
  }

  /** The epochs that give {@code samples} at {@code batch} the steps, between asked and most. */
  private int epochsFor(int samples, int batch, int asked) {
    int perEpoch = Math.max(1, Math.ceilDiv(samples, batch));
    int needed = Math.ceilDiv(steps, perEpoch);
    return Math.max(asked, Math.min(MOST_EPOCHS, needed));
  }

  private static long stepsOf(int samples, int batch, int epochs) {
    return (long) Math.ceilDiv(samples, batch) * epochs;
  }
}
