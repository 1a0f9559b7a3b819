package com.relabel.training;

import com.relabel.engine.AumThresholdPass;
import com.relabel.engine.CleaningRound;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.ModelKind;
import com.relabel.engine.TrainingOptions;
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

  /** Settings without cleaning rounds. */
  public RunSettings(
      int epochs,
      int batchSize,
      float learningRate,
      long seed,
      DeviceChoice device,
      List<String> methods,
      int folds,
      ModelKind model,
      boolean aumThresholdPass) {
    this(epochs, batchSize, learningRate, seed, device, methods, folds, model, aumThresholdPass, 0);
  }

  /** Settings without the AUM threshold pass. */
  public RunSettings(
      int epochs,
      int batchSize,
      float learningRate,
      long seed,
      DeviceChoice device,
      List<String> methods,
      int folds,
      ModelKind model) {
    this(epochs, batchSize, learningRate, seed, device, methods, folds, model, false);
  }

  /** Settings for the default CNN. */
  public RunSettings(
      int epochs,
      int batchSize,
      float learningRate,
      long seed,
      DeviceChoice device,
      List<String> methods,
      int folds) {
    this(epochs, batchSize, learningRate, seed, device, methods, folds, ModelKind.CNN);
  }

  /** Settings without cross-validation. */
  public RunSettings(
      int epochs,
      int batchSize,
      float learningRate,
      long seed,
      DeviceChoice device,
      List<String> methods) {
    this(epochs, batchSize, learningRate, seed, device, methods, 0);
  }

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

  /** The same settings with another model. */
  public RunSettings withModel(ModelKind newModel) {
    return new RunSettings(
        epochs,
        batchSize,
        learningRate,
        seed,
        device,
        methods,
        folds,
        newModel,
        aumThresholdPass,
        cleaningRounds);
  }

  /** The same settings with or without the AUM threshold pass. */
  public RunSettings withAumThresholdPass(boolean pass) {
    return new RunSettings(
        epochs, batchSize, learningRate, seed, device, methods, folds, model, pass, cleaningRounds);
  }

  /** The same settings with {@code rounds} cleaning rounds ({@link CleaningRound}, 0 = none). */
  public RunSettings withCleaningRounds(int rounds) {
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
        rounds);
  }

  TrainingOptions toOptions() {
    return new TrainingOptions(epochs, batchSize, learningRate, seed, device)
        .withFolds(folds, TrainingOptions.DEFAULT_FOLD_EPOCHS)
        .withModel(model)
        .withAumThresholdPass(aumThresholdPass)
        .withCleaningRounds(cleaningRounds)
        .withLatentEpochs(methods.contains(LatentOutlierScorer.NAME) ? LATENT_EPOCHS : 0);
  }
}
