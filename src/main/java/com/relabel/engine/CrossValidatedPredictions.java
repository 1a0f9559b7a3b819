package com.relabel.engine;

import com.relabel.dataset.LabeledImages;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Out-of-sample predicted probabilities by k-fold cross-validation, the input of confident learning
 * (docs/methods.md, "cl"): the samples are split into {@code k} folds, stratified by given label
 * and shuffled with a seed; for every fold a fresh model trains on the other {@code k - 1} folds
 * and predicts the held-out one. Every sample thus gets a probability vector from a model that
 * never saw its (possibly wrong) label.
 *
 * <p>Cost: {@code k} trainings of {@code foldEpochs} epochs on {@code (k - 1) / k} of the data plus
 * one inference pass over all samples. Progress reports the folds' epochs as one sequence of {@code
 * k * foldEpochs} epochs; cancellation is polled between batches.
 */
public final class CrossValidatedPredictions {

  private final ImageClassifierTrainer trainer = new ImageClassifierTrainer();

  /**
   * Probabilities {@code [sample][class]} for every sample of {@code data}, from {@code folds}
   * models of {@code options.foldEpochs()} epochs each (other settings from {@code options}; fold
   * {@code f} uses seed {@code options.seed() + f + 1}).
   *
   * @throws IllegalArgumentException if {@code folds < 2} or there are fewer samples than folds
   */
  public float[][] predict(
      LabeledImages data, int folds, TrainingOptions options, TrainingProgress progress) {
    return predict(data, folds, options, progress, new boolean[data.count()]);
  }

  /**
   * Like {@link #predict(LabeledImages, int, TrainingOptions, TrainingProgress)}, but no model
   * trains on a sample {@code i} with {@code excluded[i]}; every sample is still predicted by the
   * model of its fold.
   */
  public float[][] predict(
      LabeledImages data,
      int folds,
      TrainingOptions options,
      TrainingProgress progress,
      boolean[] excluded) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    if (folds < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
    }
    if (data.count() < folds) {
      throw new IllegalArgumentException(
          "cannot split " + data.count() + " samples into " + folds + " folds");
    }
    ImageClassifierTrainer.checkTrainable(data, options.model());
    int[] fold = assignFolds(data.labels(), data.numClasses(), folds, options.seed());
    int n = data.count();
    float[][] out = new float[n][];
    int foldEpochs = options.foldEpochs();
    for (int f = 0; f < folds; f++) {
      int heldOutCount = 0;
      int trainCount = 0;
      for (int i = 0; i < n; i++) {
        heldOutCount += fold[i] == f ? 1 : 0;
        trainCount += fold[i] != f && !excluded[i] ? 1 : 0;
      }
      int[] train = new int[trainCount];
      int[] heldOut = new int[heldOutCount];
      int t = 0;
      int h = 0;
      for (int i = 0; i < n; i++) {
        if (fold[i] == f) {
          heldOut[h++] = i;
        } else if (!excluded[i]) {
          train[t++] = i;
        }
      }
      TrainingOptions foldOptions =
          options.toBuilder().epochs(foldEpochs).seed(options.seed() + f + 1).build();
      float[][] probabilities;
      try {
        probabilities =
            trainer.trainAndPredict(
                data, train, data, heldOut, foldOptions, offset(progress, f, folds, foldEpochs));
      } catch (TrainingCancelledException e) {
        throw new TrainingCancelledException(f * foldEpochs + e.epoch());
      }
      for (int j = 0; j < heldOut.length; j++) {
        out[heldOut[j]] = probabilities[j];
      }
    }
    return out;
  }

  /**
   * The fold of every sample: within each class the samples are shuffled with {@code seed} and
   * dealt to the folds in turn, so every fold holds about {@code 1/k} of every class; the dealing
   * starts where the previous class stopped, so fold sizes differ by at most one.
   */
  static int[] assignFolds(int[] labels, int numClasses, int folds, long seed) {
    int n = labels.length;
    int[][] byClass = membersByClass(labels, numClasses);
    SplittableRandom random = new SplittableRandom(seed);
    int[] fold = new int[n];
    int next = 0;
    for (int[] members : byClass) {
      for (int j = members.length - 1; j > 0; j--) {
        int pick = random.nextInt(j + 1);
        int swap = members[j];
        members[j] = members[pick];
        members[pick] = swap;
      }
      for (int member : members) {
        fold[member] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }

  /** The positions of every class's samples, {@code [class][j]}, ascending. */
  static int[][] membersByClass(int[] labels, int numClasses) {
    int[] counts = new int[numClasses];
    for (int label : labels) {
      counts[label]++;
    }
    int[][] byClass = new int[numClasses][];
    for (int c = 0; c < numClasses; c++) {
      byClass[c] = new int[counts[c]];
    }
    int[] filled = new int[numClasses];
    for (int i = 0; i < labels.length; i++) {
      byClass[labels[i]][filled[labels[i]]++] = i;
    }
    return byClass;
  }

  /** Reports fold {@code f}'s epochs as epochs {@code f * foldEpochs + e} of the whole CV. */
  private static TrainingProgress offset(
      TrainingProgress progress, int f, int folds, int foldEpochs) {
    return new TrainingProgress() {
      @Override
      public void onEpoch(EpochStats s) {
        progress.onEpoch(
            new EpochStats(
                f * foldEpochs + s.epoch(),
                folds * foldEpochs,
                s.trainSeconds(),
                s.inferenceSeconds(),
                s.samplesPerSecond(),
                s.trainLoss()));
      }

      @Override
      public void onBatch(int epoch, int batch, int batches) {
        progress.onBatch(f * foldEpochs + epoch, batch, batches);
      }

      @Override
      public boolean cancelled() {
        return progress.cancelled();
      }
    };
  }
}
