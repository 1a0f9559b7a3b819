package com.relabel.engine;

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
 * <p>With {@link TrainingOptions#cleaningRounds()} above 0, each {@link CleaningRound} then trains
 * the main run and the cross-validation again without the suspects of the previous round; the
 * dynamics are the last round's.
 *
 * <p>When {@link TrainingOptions#latentEpochs()} is above 0, a supervised VAE ({@link
 * LatentSpaceTrainer}) trains next and its latent means go into {@link
 * TrainingDynamics#latentMeans()} (the AQUAVS score, docs/methods.md, "aquavs"); like the main run
 * it never trains on the held-out samples.
 *
 * <p>With {@link TrainingOptions#aumThresholdPass()} it last runs {@link AumThresholdPass} (one
 * more training of {@code epochs} epochs on all samples) and attaches its cut-off to the result
 * ({@link TrainingResult#aumThreshold()}); the threshold samples are judged by their main-run AUM.
 *
 * <p>Progress hears these sequences in this order, each counting its epochs from 1: the main run's
 * {@code epochs}, the cross-validation's {@code folds * foldEpochs}, both again per cleaning round,
 * the VAE's {@code latentEpochs}, the AUM pass's {@code epochs}.
 */
public final class NoiseTrainingPipeline implements ImageTrainer {

  private final AumThresholdPass aumThresholdPass = new AumThresholdPass();
  private final ImageClassifierTrainer trainer = new ImageClassifierTrainer();
  private final CrossValidatedPredictions crossValidation = new CrossValidatedPredictions();
  private final LatentSpaceTrainer latentSpace = new LatentSpaceTrainer();
  private final float[][] neighbourSpace;

  public NoiseTrainingPipeline() {
    this(null);
  }

  private NoiseTrainingPipeline(float[][] neighbourSpace) {
    this.neighbourSpace = neighbourSpace;
  }

  /**
   * This pipeline, searching every sample's neighbours (the {@code knn} method, the cleaning
   * rounds' suspects, the review view's neighbours) among {@code vectors}, one per sample of the
   * data it trains on, instead of the trained model's embeddings: a pretrained text encoder's space
   * (decision 0038). {@code null} keeps the model's own.
   */
  public NoiseTrainingPipeline withNeighbourSpace(float[][] vectors) {
    return new NoiseTrainingPipeline(vectors);
  }

  /**
   * The main run never trains on {@code split.heldOut()} (they are only inferred, see {@link
   * ImageClassifierTrainer#train(SplitImages, TrainingOptions, TrainingProgress)});
   * cross-validation covers every sample, held out or not, since each of its models predicts only
   * samples it did not train on anyway.
   */
  @Override
  public TrainingResult train(
      SplitImages split, TrainingOptions options, TrainingProgress progress) {
    Objects.requireNonNull(options, "options");
    LabeledImages data = split.images();
    HeldOutSplit heldOut = split.heldOut();
    TrainingResult result =
        mainAndFolds(data, heldOut, new boolean[data.count()], options, progress);
    for (int round = 1; round <= options.cleaningRounds(); round++) {
      boolean[] suspects = CleaningRound.suspects(result.dynamics());
      result = mainAndFolds(data, heldOut, suspects, options, progress);
    }
    if (options.latentEpochs() > 0) {
      TrainingDynamics full =
          result
              .dynamics()
              .withLatentMeans(latentSpace.latentMeans(data, heldOut, options, progress));
      result = result.withDynamics(full);
    }
    if (options.aumThresholdPass()) {
      result =
          result.withAumThreshold(
              aumThresholdPass.run(data, options, result.dynamics().margin(), progress));
    }
    return result;
  }

  /**
   * The main run and, with folds, the cross-validation, neither training on a sample marked in
   * {@code excluded} (nor the main run on {@code heldOut}).
   */
  private TrainingResult mainAndFolds(
      LabeledImages data,
      HeldOutSplit heldOut,
      boolean[] excluded,
      TrainingOptions options,
      TrainingProgress progress) {
    TrainingResult main =
        trainer.train(new SplitImages(data, heldOut.plus(excluded)), options, progress);
    if (neighbourSpace != null) {
      if (neighbourSpace.length != data.count()) {
        throw new IllegalArgumentException(
            neighbourSpace.length + " neighbour vectors for " + data.count() + " samples");
      }
      main = main.withDynamics(main.dynamics().withEmbeddings(neighbourSpace));
    }
    if (options.folds() == 0) {
      return main;
    }
    float[][] outOfSample =
        crossValidation.predict(data, options.folds(), options, progress, excluded);
    return main.withDynamics(main.dynamics().withHeldOutProbabilities(outOfSample));
  }
}
