package com.relabel.cli;

import static com.relabel.cli.OptionValues.deviceChoice;

import com.relabel.engine.Augmentation;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.MinimumSteps;
import com.relabel.engine.ModelKind;
import com.relabel.engine.TrainingOptions;
import java.util.HashSet;
import java.util.Set;

/**
 * The training choices that {@code relabel score} and {@code relabel bench} both take, parsed in
 * this one place: a new training option is one component, one flag in {@link #FLAGS} and one line
 * in {@link #parse}. {@link #trainingOptions()} turns them into {@link TrainingOptions}, and a
 * command adds its own.
 *
 * @param model the network, or null where the command picks one by the data's shape
 * @param minimumSteps the fewest optimiser steps of the model and of each fold (decision 0050)
 */
record TrainingArguments(
    int epochs,
    int batchSize,
    long seed,
    DeviceChoice device,
    int folds,
    int foldEpochs,
    boolean aumThreshold,
    int latentEpochs,
    int rounds,
    ModelKind model,
    Augmentation augmentation,
    MinimumSteps minimumSteps) {

  /** The switch that adds the AUM pass with threshold samples (and score's aum_below_cutoff). */
  static final String AUM_THRESHOLD = "--aum-threshold";

  /**
   * Cleaning rounds unless told otherwise: one. It lifts heavy systematic noise most (decision
   * 0019). A second round helped the earlier, weaker network (decision 0024); with the default
   * {@code SmallCnn} it bought little on Fashion-MNIST with 30% look-alike flips (AUROC 0.9605 with
   * one round, 0.9619 with two), lost on instance-dependent noise (0.8840 against 0.8752) and costs
   * a third more time, so the default network's run stays within 15 minutes on all of MNIST
   * (decision 0029).
   */
  static final int DEFAULT_ROUNDS = 1;

  /**
   * Epochs of the main run unless told otherwise: eight fit the hard clean samples that four or
   * five leave among the suspects (docs/benchmarks.md: on MNIST 20% symmetric noise precision at k
   * 0.9880 -> 0.9908, 40% asymmetric AUROC 0.9784 -> 0.9923, with one cleaning round each).
   */
  static final int DEFAULT_EPOCHS = 8;

  /** Epochs of the supervised VAE behind the aquavs column unless told otherwise. */
  static final int DEFAULT_LATENT_EPOCHS = 0;

  /** The flags with a value read here; {@link #AUM_THRESHOLD} is the one switch. */
  private static final Set<String> FLAGS =
      Set.of(
          "--epochs",
          "--batch-size",
          "--seed",
          "--device",
          "--folds",
          "--fold-epochs",
          "--latent-epochs",
          "--rounds",
          "--model",
          "--augment",
          "--min-steps");

  /** These flags and a command's own {@code more}: all that {@link Options#parse} may accept. */
  static Set<String> flagsWith(Set<String> more) {
    Set<String> all = new HashSet<>(FLAGS);
    all.addAll(more);
    return Set.copyOf(all);
  }

  /**
   * Reads the choices from {@code o}; {@code defaultModel} stands where no {@code --model} is given
   * (null: the command picks by the data's shape). Counts are refused below 0 and {@code --folds 1}
   * is refused here; a command adds its own upper limits.
   */
  static TrainingArguments parse(Options o, ModelKind defaultModel) {
    int folds = o.get("--folds", TrainingArguments::count, 4);
    if (folds == 1) {
      throw new IllegalArgumentException("--folds must be 0 (no cross-validation) or at least 2");
    }
    return new TrainingArguments(
        o.get("--epochs", OptionValues::positive, DEFAULT_EPOCHS),
        o.get("--batch-size", OptionValues::positive, 128),
        o.get("--seed", OptionValues::parseLong, 42L),
        o.get("--device", (f, v) -> deviceChoice(v), DeviceChoice.AUTO),
        folds,
        o.get("--fold-epochs", OptionValues::positive, TrainingOptions.DEFAULT_FOLD_EPOCHS),
        o.has(AUM_THRESHOLD),
        o.get("--latent-epochs", TrainingArguments::count, DEFAULT_LATENT_EPOCHS),
        o.get("--rounds", TrainingArguments::count, DEFAULT_ROUNDS),
        o.get("--model", (f, v) -> ModelKind.parse(v), defaultModel),
        o.get("--augment", (f, v) -> Augmentation.parse(v), Augmentation.NONE),
        new MinimumSteps(
            o.get("--min-steps", TrainingArguments::count, MinimumSteps.DEFAULT_STEPS)));
  }

  /** The options these arguments ask for, learning rate 1e-3; not built yet. */
  TrainingOptions.Builder trainingOptions() {
    return TrainingOptions.builder()
        .epochs(epochs)
        .batchSize(batchSize)
        .learningRate(1e-3f)
        .seed(seed)
        .device(device)
        .folds(folds, foldEpochs)
        .aumThresholdPass(aumThreshold)
        .latentEpochs(latentEpochs)
        .cleaningRounds(rounds)
        .model(model)
        .augmentation(augmentation);
  }

  /**
   * {@code options} (begun with {@link #trainingOptions()}, a command's own added) built and fitted
   * to {@code samples} samples by the minimum steps.
   */
  TrainingOptions fitted(TrainingOptions.Builder options, int samples) {
    return minimumSteps.apply(options.build(), samples);
  }

  /** A whole number of at least 0 (0 turns the thing off). */
  private static int count(String flag, String value) {
    return (int) OptionValues.atLeast(flag, value, 0);
  }
}
