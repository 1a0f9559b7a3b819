package com.relabel.engine;

import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.AumCutoff;
import com.relabel.scoring.AumThreshold;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The dedicated training pass of AUM with threshold samples (Pleiss et al. 2020; docs/methods.md,
 * "aum"): {@code floor(n / (K + 1))} samples (at least 1), drawn with {@code options.seed()}, are
 * relabelled to a fake class {@code K}; a fresh model with {@code K + 1} classes trains on all
 * samples for {@code options.epochs()} epochs, recording every sample's margin after each epoch.
 * The cut-off is the {@code percentile}-th percentile of the threshold samples' AUM; the other
 * samples whose AUM in this pass lies below it are flagged.
 *
 * <p>The threshold samples themselves are mislabeled on purpose in this pass, so it cannot judge
 * them: when the main run's margins are given they are judged by their main-run AUM against the
 * same cut-off, otherwise they are left unflagged (decision 0015).
 *
 * <p>Cost: one more training of {@code options.epochs()} epochs. Progress hears this pass's epochs
 * counting from 1; cancellation is polled between batches.
 */
public final class AumThresholdPass {

  private final ImageClassifierTrainer trainer = new ImageClassifierTrainer();
  private final double percentile;

  /** A pass with the paper's 99th percentile. */
  public AumThresholdPass() {
    this(AumThreshold.DEFAULT_PERCENTILE);
  }

  /** A pass whose cut-off is the {@code percentile}-th percentile, in {@code [0, 100]}. */
  public AumThresholdPass(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100], was " + percentile);
    }
    this.percentile = percentile;
  }

  /**
   * Runs the pass over {@code data} (its given labels, {@code K = data.numClasses()} classes, at
   * most 255 so that {@code K + 1} fits).
   *
   * @param mainMargin the main run's margins {@code [epoch][sample]} to judge the threshold samples
   *     by, or {@code null} to leave them unflagged
   */
  public AumCutoff run(
      LabeledImages data,
      TrainingOptions options,
      float[][] mainMargin,
      TrainingProgress progress) {
    Objects.requireNonNull(options, "options");
    ImageClassifierTrainer.checkTrainable(data, options.model());
    if (data.count() < 2) {
      throw new IllegalArgumentException(
          "the AUM threshold pass needs at least 2 samples, found " + data.count());
    }
    if (data.numClasses() >= 256) {
      throw new IllegalArgumentException("the AUM threshold pass supports at most 255 classes");
    }
    boolean[] threshold = pickThresholdSamples(data.count(), data.numClasses(), options.seed());
    int fake = data.numClasses();
    int[] labels = data.labels().clone();
    for (int i = 0; i < labels.length; i++) {
      if (threshold[i]) {
        labels[i] = fake;
      }
    }
    LabeledImages relabelled =
        new LabeledImages(
            data.count(),
            data.height(),
            data.width(),
            data.channels(),
            data.pixels(),
            labels,
            fake + 1);
    TrainingResult pass =
        trainer.train(relabelled, options.toBuilder().folds(0, 1).build(), progress);
    double[] passAum = AumThreshold.areaUnderMargin(pass.dynamics().margin());
    double[] mainAum = mainMargin == null ? null : AumThreshold.areaUnderMargin(mainMargin);
    return AumThreshold.judge(passAum, threshold, percentile, mainAum);
  }

  /**
   * {@code max(1, floor(n / (K + 1)))} distinct samples out of {@code n}, uniformly at random with
   * {@code seed} (a partial Fisher-Yates shuffle).
   */
  static boolean[] pickThresholdSamples(int n, int numClasses, long seed) {
    int m = Math.max(1, n / (numClasses + 1));
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] picked = new boolean[n];
    for (int j = 0; j < m; j++) {
      int k = j + random.nextInt(n - j);
      int swap = order[j];
      order[j] = order[k];
      order[k] = swap;
      picked[order[j]] = true;
    }
    return picked;
  }
}
