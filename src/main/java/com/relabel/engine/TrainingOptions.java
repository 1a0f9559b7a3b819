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
 * @param augmentation how colour images are varied while training ({@link Augmentation}); default
 *     none
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
    int cleaningRounds,
    Augmentation augmentation) {

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
    if (augmentation == null) {
      throw new IllegalArgumentException("augmentation must be given");
    }
    if (latentEpochs < 0) {
      throw new IllegalArgumentException(
          "latent epochs must be 0 (none) or more, was " + latentEpochs);
    }
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
    return builder().build();
  }

  /** A builder that starts from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.epochs = epochs;
    b.batchSize = batchSize;
    b.learningRate = learningRate;
    b.seed = seed;
    b.device = device;
    b.softTargetMomentum = softTargetMomentum;
    b.folds = folds;
    b.foldEpochs = foldEpochs;
    b.model = model;
    b.latentEpochs = latentEpochs;
    b.aumThresholdPass = aumThresholdPass;
    b.robust = robust;
    b.cleaningRounds = cleaningRounds;
    b.augmentation = augmentation;
    return b;
  }

  /**
   * Options one setting at a time, as DJL's {@code DefaultTrainingConfig} is set up; {@link
   * #build()} checks them all. Starts from the defaults: the default CNN, no cross-validation, no
   * VAE, no AUM threshold pass, not robust, no cleaning rounds, no augmentation.
   */
  public static final class Builder extends TrainingSettingsBuilder<Builder> {
    private float softTargetMomentum = DEFAULT_SOFT_TARGET_MOMENTUM;
    private int folds;
    private int foldEpochs = DEFAULT_FOLD_EPOCHS;
    private ModelKind model = ModelKind.CNN;
    private int latentEpochs;
    private boolean aumThresholdPass;
    private boolean robust;
    private int cleaningRounds;
    private Augmentation augmentation = Augmentation.NONE;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    public Builder softTargetMomentum(float value) {
      softTargetMomentum = value;
      return this;
    }

    /** Cross-validation with {@code newFolds} folds (0 = none) of {@code newFoldEpochs} epochs. */
    public Builder folds(int newFolds, int newFoldEpochs) {
      folds = newFolds;
      foldEpochs = newFoldEpochs;
      return this;
    }

    public Builder model(ModelKind value) {
      model = value;
      return this;
    }

    /** A supervised VAE of {@code value} epochs (0 = none). */
    public Builder latentEpochs(int value) {
      latentEpochs = value;
      return this;
    }

    public Builder aumThresholdPass(boolean value) {
      aumThresholdPass = value;
      return this;
    }

    public Builder robust(boolean value) {
      robust = value;
      return this;
    }

    /** {@code value} cleaning rounds (0 = none). */
    public Builder cleaningRounds(int value) {
      cleaningRounds = value;
      return this;
    }

    public Builder augmentation(Augmentation value) {
      augmentation = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public TrainingOptions build() {
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
          cleaningRounds,
          augmentation);
    }
  }
}
