package com.relabel.training;

import com.relabel.engine.AumThresholdPass;
import com.relabel.engine.CleaningRound;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.engine.TrainingOptions;
import com.relabel.engine.TrainingSettingsBuilder;
import com.relabel.scoring.LatentOutlierScorer;
import java.util.List;

/**
 * What an admin (or the demo) chooses for a run, {@code model} the network ({@link ModelKind}).
 * {@code folds} > 0 adds k-fold cross-validation ({@value TrainingOptions#DEFAULT_FOLD_EPOCHS}
 * epochs per fold) for out-of-sample probabilities. {@code aumThresholdPass} adds one more training
 * pass with threshold samples for a data-driven AUM cut-off ({@link AumThresholdPass}). {@code
 * cleaningRounds} trains again without the suspects that many times ({@link CleaningRound},
 * decision 0019). Choosing the method {@value LatentOutlierScorer#NAME} among {@code methods} also
 * trains the supervised VAE behind it ({@value #LATENT_EPOCHS} epochs, docs/methods.md, "aquavs");
 * "all methods" (an empty list) leaves it out, as it is a second model to train (decision 0014).
 * The choice thus lives in the run's methods, with no column of its own.
 */
public record RunSettings(
    int epochs,
    int batchSize,
    float learningRate,
    long seed,
    DeviceChoice device,
    List<String> methods,
    int folds,
    ModelKind model,
    boolean aumThresholdPass,
    int cleaningRounds) {

  /** The most cleaning rounds a run may ask for. */
  public static final int MAX_CLEANING_ROUNDS = 3;

  public RunSettings {
    if (epochs < 1 || epochs > 500) {
      throw new IllegalArgumentException("epochs must be between 1 and 500, not " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, not " + batchSize);
    }
    if (folds == 1 || folds < 0 || folds > 20) {
      throw new IllegalArgumentException("folds must be 0 (none) or 2 to 20, not " + folds);
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive, not " + learningRate);
    }
    if (device == null) {
      throw new IllegalArgumentException("device must be given");
    }
    if (cleaningRounds < 0 || cleaningRounds > MAX_CLEANING_ROUNDS) {
      throw new IllegalArgumentException(
          "cleaning rounds must be 0 to " + MAX_CLEANING_ROUNDS + ", not " + cleaningRounds);
    }
    methods = List.copyOf(methods);
    model = model == null ? ModelKind.CNN : model;
  }

  /** Epochs of the supervised VAE when the run's methods include aquavs. */
  public static final int LATENT_EPOCHS = 5;

  /** A builder that starts from the defaults of {@link TrainingOptions#defaults()}, all methods. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return builder()
        .epochs(epochs)
        .batchSize(batchSize)
        .learningRate(learningRate)
        .seed(seed)
        .device(device)
        .methods(methods)
        .folds(folds)
        .model(model)
        .aumThresholdPass(aumThresholdPass)
        .cleaningRounds(cleaningRounds);
  }

  TrainingOptions toOptions() {
    return TrainingOptions.builder()
        .epochs(epochs)
        .batchSize(batchSize)
        .learningRate(learningRate)
        .seed(seed)
        .device(device)
        .folds(folds, TrainingOptions.DEFAULT_FOLD_EPOCHS)
        .model(model)
        .aumThresholdPass(aumThresholdPass)
        .cleaningRounds(cleaningRounds)
        .latentEpochs(methods.contains(LatentOutlierScorer.NAME) ? LATENT_EPOCHS : 0)
        .build();
  }

  /** Settings one at a time; {@link #build()} checks them all. */
  public static final class Builder extends TrainingSettingsBuilder<Builder> {
    private List<String> methods = List.of();
    private int folds;
    private ModelKind model = ModelKind.CNN;
    private boolean aumThresholdPass;
    private int cleaningRounds;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** The methods to score with; empty (the default) for all. */
    public Builder methods(List<String> value) {
      methods = value;
      return this;
    }

    /** k of the k-fold cross-validation; 0 (the default) for none. */
    public Builder folds(int value) {
      folds = value;
      return this;
    }

    public Builder model(ModelKind value) {
      model = value;
      return this;
    }

    public Builder aumThresholdPass(boolean value) {
      aumThresholdPass = value;
      return this;
    }

    /** {@code value} cleaning rounds ({@link CleaningRound}, 0 = none). */
    public Builder cleaningRounds(int value) {
      cleaningRounds = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public RunSettings build() {
      return new RunSettings(
          epochs,
          batchSize,
          learningRate,
          seed,
          device,
          methods,
          folds,
          model,
          aumThresholdPass,
          cleaningRounds);
    }
  }
}
