package com.relabel.engine;

/**
 * Settings of one training run.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize samples per optimizer step, at least 1
 * @param learningRate Adam learning rate, greater than 0
 * @param seed seeds weight initialisation and the shuffling order
 * @param device where to train
 * @param softTargetMomentum {@code a} of the progressive soft targets {@code t_i <- a t_i + (1 - a)
 *     p_i} recorded after every epoch (docs/methods.md, "softlabel"), in {@code [0, 1)}; default
 *     {@value #DEFAULT_SOFT_TARGET_MOMENTUM}. The targets are only recorded: the model always
 *     trains on the given labels
 * @param folds k of the k-fold cross-validation that {@link NoiseTrainingPipeline} runs for
 *     out-of-sample probabilities; 0 (the default) runs none, otherwise at least 2
 * @param foldEpochs epochs each cross-validation model trains, at least 1 (default {@value
 *     #DEFAULT_FOLD_EPOCHS})
 * @param model the network: {@link ModelKind#CNN} (default) or {@link ModelKind#MLP}
 * @param latentEpochs epochs of the supervised VAE whose latent means the AQUAVS score uses
 *     (docs/methods.md, "aquavs"); 0 (the default) trains none
 * @param aumThresholdPass whether {@link NoiseTrainingPipeline} runs the dedicated AUM pass with
 *     threshold samples (a fake extra class) for a data-driven AUM cut-off (docs/methods.md, "aum")
 * @param cleaningRounds rounds of retraining without the suspects (see {@link CleaningRound}): 0
 *     (the default) scores once; each round trains the main run and the cross-validation again with
 *     the previous round's most suspicious samples held out of training
 * @param robust whether the main run trains in the robust mode (docs/methods.md, "Training
 *     dynamics") (samples mixed with their embedding neighbours, weighted by the loss mixture's
 *     clean probability)
 */
public record TrainingOptions(
    int epochs,
    int batchSize,
    float learningRate,
    long seed,
    DeviceChoice device,
    float softTargetMomentum,
    int folds,
    int foldEpochs,
    ModelKind model,
    int latentEpochs,
    boolean aumThresholdPass,
    boolean robust,
    int cleaningRounds) {

  /** The default {@code a} of the soft targets: 0.7 keeps 70% of the old target each epoch. */
  public static final float DEFAULT_SOFT_TARGET_MOMENTUM = 0.7f;

  /**
   * Six epochs per fold: the out-of-sample model that confident learning, margin, kNN and the
   * suggestion read from. Against two, it raised the out-of-sample accuracy on Fashion-MNIST with
   * 30% look-alike flips from 0.791 to 0.826, and with two cleaning rounds the AUROC from 0.934 to
   * 0.944 (docs/benchmarks.md, "Hard noise"; decision 0024).
   */
  public static final int DEFAULT_FOLD_EPOCHS = 6;

  public TrainingOptions {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, was " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive, was " + learningRate);
    }
    if (device == null) {
      throw new IllegalArgumentException("device must be given");
    }
    if (!(softTargetMomentum >= 0 && softTargetMomentum < 1)) {
      throw new IllegalArgumentException(
          "soft-target momentum must be in [0, 1), was " + softTargetMomentum);
    }
    if (folds < 0 || folds == 1) {
      throw new IllegalArgumentException("folds must be 0 (no cross-validation) or at least 2");
    }
    if (foldEpochs < 1) {
      throw new IllegalArgumentException("fold epochs must be at least 1, was " + foldEpochs);
    }
    if (model == null) {
      throw new IllegalArgumentException("model must be given");
    }
    if (cleaningRounds < 0 || cleaningRounds > 3) {
      throw new IllegalArgumentException("cleaning rounds must be 0 to 3, was " + cleaningRounds);
    }
    if (latentEpochs < 0) {
      throw new IllegalArgumentException(
          "latent epochs must be 0 (none) or more, was " + latentEpochs);
    }
  }

  /** Options with the default CNN, no VAE, no AUM threshold pass, not robust. */
  public TrainingOptions(
      int epochs,
      int batchSize,
      float learningRate,
      long seed,
      DeviceChoice device,
      float softTargetMomentum,
      int folds,
      int foldEpochs) {
    this(
        epochs,
        batchSize,
        learningRate,
        seed,
        device,
        softTargetMomentum,
        folds,
        foldEpochs,
        ModelKind.CNN,
        0,
        false,
        false,
        0);
  }

  /** Options with the default soft-target momentum and no cross-validation. */
  public TrainingOptions(
      int epochs, int batchSize, float learningRate, long seed, DeviceChoice device) {
    this(
        epochs,
        batchSize,
        learningRate,
        seed,
        device,
        DEFAULT_SOFT_TARGET_MOMENTUM,
        0,
        DEFAULT_FOLD_EPOCHS);
  }

  /**
   * In the robust mode, the epochs trained on the given labels before samples are mixed with their
   * neighbours: a quarter of the epochs, at least 1.
   */
  public int robustWarmUpEpochs() {
    return Math.max(1, epochs / 4);
  }

  /** 5 epochs, batch 128, Adam 1e-3, seed 42, automatic device, soft targets a = 0.7, no CV. */
  public static TrainingOptions defaults() {
    return new TrainingOptions(5, 128, 1e-3f, 42, DeviceChoice.AUTO);
  }

  public TrainingOptions withEpochs(int newEpochs) {
    return new TrainingOptions(
        newEpochs,
        batchSize,
        learningRate,
        seed,
        device,
        softTargetMomentum,
        folds,
        foldEpochs,
        model,
        latentEpochs,
        aumThresholdPass,
        robust,
        cleaningRounds);
  }

  public TrainingOptions withSeed(long newSeed) {
    return new TrainingOptions(
        epochs,
        batchSize,
        learningRate,
        newSeed,
        device,
        softTargetMomentum,
        folds,
        foldEpochs,
        model,
        latentEpochs,
        aumThresholdPass,
        robust,
        cleaningRounds);
  }

  public TrainingOptions withDevice(DeviceChoice newDevice) {
    return new TrainingOptions(
        epochs,
        batchSize,
        learningRate,
        seed,
        newDevice,
        softTargetMomentum,
        folds,
        foldEpochs,
        model,
        latentEpochs,
        aumThresholdPass,
        robust,
        cleaningRounds);
  }

  public TrainingOptions withSoftTargetMomentum(float newMomentum) {
    return new TrainingOptions(
        epochs,
        batchSize,
        learningRate,
        seed,
        device,
        newMomentum,
        folds,
        foldEpochs,
        model,
        latentEpochs,
        aumThresholdPass,
        robust,
        cleaningRounds);
  }

  /** Cross-validation with {@code newFolds} folds (0 = none) of {@code newFoldEpochs} epochs. */
  public TrainingOptions withFolds(int newFolds, int newFoldEpochs) {
    return new TrainingOptions(
        epochs,
        batchSize,
        learningRate,
        seed,
        device,
        softTargetMomentum,
        newFolds,
        newFoldEpochs,
        model,
        latentEpochs,
        aumThresholdPass,
        robust,
        cleaningRounds);
  }

  /** The same options training {@code newModel}. */
  public TrainingOptions withModel(ModelKind newModel) {
    return new TrainingOptions(
        epochs,
        batchSize,
        learningRate,
        seed,
        device,
        softTargetMomentum,
        folds,
        foldEpochs,
        newModel,
        latentEpochs,
        aumThresholdPass,
        robust,
        cleaningRounds);
  }

  /** The same options with a supervised VAE of {@code newLatentEpochs} epochs (0 = none). */
  public TrainingOptions withLatentEpochs(int newLatentEpochs) {
    return new TrainingOptions(
        epochs,
        batchSize,
        learningRate,
        seed,
        device,
        softTargetMomentum,
        folds,
        foldEpochs,
        model,
        newLatentEpochs,
        aumThresholdPass,
        robust,
        cleaningRounds);
  }

  /** The same options with or without the AUM threshold-sample pass. */
  public TrainingOptions withAumThresholdPass(boolean newAumThresholdPass) {
    return new TrainingOptions(
        epochs,
        batchSize,
        learningRate,
        seed,
        device,
        softTargetMomentum,
        folds,
        foldEpochs,
        model,
        latentEpochs,
        newAumThresholdPass,
        robust,
        cleaningRounds);
  }

  /** The same options in or out of the robust training mode. */
  public TrainingOptions withRobust(boolean newRobust) {
    return new TrainingOptions(
        epochs,
        batchSize,
        learningRate,
        seed,
        device,
        softTargetMomentum,
        folds,
        foldEpochs,
        model,
        latentEpochs,
        aumThresholdPass,
        newRobust,
        cleaningRounds);
  }

  /** The same options with {@code newRounds} cleaning rounds (0 = none). */
  public TrainingOptions withCleaningRounds(int newRounds) {
    return new TrainingOptions(
        epochs,
        batchSize,
        learningRate,
        seed,
        device,
        softTargetMomentum,
        folds,
        foldEpochs,
        model,
        latentEpochs,
        aumThresholdPass,
        robust,
        newRounds);
  }
}
