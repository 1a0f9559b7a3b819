package com.relabel.training;

import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.TrainingDynamics;
import java.util.Objects;

/**
 * Everything the noise scorers can use from one dataset: the main training run's dynamics
 * (per-epoch table, embedding norms, soft targets) plus, when {@link TrainingOptions#folds()} is at
 * least 2, out-of-sample probabilities from {@link CrossValidatedPredictions} in {@link
 * TrainingDynamics#heldOutProbabilities()}. With {@code folds == 0} and no VAE it is exactly {@link
 * ImageClassifierTrainer#train}.
 *
 * <p>When {@link TrainingOptions#latentEpochs()} is above 0, a supervised VAE ({@link
 * LatentSpaceTrainer}) trains last and its latent means go into {@link
 * TrainingDynamics#latentMeans()} (the AQUAVS score, METHODS.md section 6); like the main run it
 * never trains on {@code heldOut}.
 *
 * <p>Progress hears the main run's epochs first, then the cross-validation's {@code folds *
 * foldEpochs} epochs, then the VAE's {@code latentEpochs}, each sequence counting from 1.
 */
public final class NoiseTrainingPipeline {

  private final ImageClassifierTrainer trainer = new ImageClassifierTrainer();
  private final CrossValidatedPredictions crossValidation = new CrossValidatedPredictions();
  private final LatentSpaceTrainer latentSpace = new LatentSpaceTrainer();

  public TrainingResult train(
      LabeledImages data, TrainingOptions options, TrainingProgress progress) {
    return train(data, HeldOutSplit.NONE, options, progress);
  }

  /**
   * The main run never trains on {@code heldOut} (they are only inferred, see {@link
   * ImageClassifierTrainer#train(LabeledImages, HeldOutSplit, TrainingOptions, TrainingProgress)});
   * cross-validation covers every sample, held out or not, since each of its models predicts only
   * samples it did not train on anyway.
   */
  public TrainingResult train(
      LabeledImages data,
      HeldOutSplit heldOut,
      TrainingOptions options,
      TrainingProgress progress) {
    Objects.requireNonNull(options, "options");
    TrainingResult main = trainer.train(data, heldOut, options, progress);
    if (options.folds() == 0 && options.latentEpochs() == 0) {
      return main;
    }
    TrainingDynamics full = main.dynamics();
    if (options.folds() > 0) {
      float[][] outOfSample = crossValidation.predict(data, options.folds(), options, progress);
      full = withHeldOutProbabilities(full, outOfSample);
    }
    if (options.latentEpochs() > 0) {
      full = withLatentMeans(full, latentSpace.latentMeans(data, heldOut, options, progress));
    }
    return new TrainingResult(full, main.device(), main.epochs());
  }

  /** {@code d} with {@code heldOut} as its out-of-sample probabilities, other components kept. */
  public static TrainingDynamics withHeldOutProbabilities(TrainingDynamics d, float[][] heldOut) {
    return new TrainingDynamics(
        d.givenLabels(),
        d.numClasses(),
        d.probGiven(),
        d.predicted(),
        d.margin(),
        d.loss(),
        d.finalProbabilities(),
        d.embeddings(),
        d.embeddingNormsSquared(),
        heldOut,
        d.softTargets(),
        d.latentMeans());
  }

  /** {@code d} with {@code latentMeans} as its VAE latent means, other components kept. */
  public static TrainingDynamics withLatentMeans(TrainingDynamics d, float[][] latentMeans) {
    return new TrainingDynamics(
        d.givenLabels(),
        d.numClasses(),
        d.probGiven(),
        d.predicted(),
        d.margin(),
        d.loss(),
        d.finalProbabilities(),
        d.embeddings(),
        d.embeddingNormsSquared(),
        d.heldOutProbabilities(),
        d.softTargets(),
        latentMeans);
  }
}
