package com.relabel.scoring;

/**
 * How many wrong labels a run expects at the top of its queue, before anyone has reviewed
 * (docs/methods.md, "Expected yield"): the sum, over the ensemble's first {@code k} samples, of the
 * probability that the label is wrong, {@code 1 - pbar(y_i | x_i)}, with {@code pbar} the mean of
 * the final and the out-of-sample probabilities ({@link MarginScorer}).
 *
 * <p>This is the model's own belief, and a network is overconfident exactly where it is wrong: on
 * look-alike noise it expected 100 errors in a top 100 that held 95, on instance-dependent noise
 * 100 where there were 70 (docs/benchmarks.md). The reviewers' measured yield, once they have
 * decided enough samples, is the figure to trust; the expectation says what to hope for before
 * that.
 *
 * @param top100 expected wrong labels among the first 100 (or all samples, if fewer)
 * @param top1000 expected wrong labels among the first 1,000 (or all samples, if fewer)
 */
public record ExpectedYield(double top100, double top1000) {

  /** The expectation for the queue ordered by {@code ensembleScores} (most suspicious first). */
  public static ExpectedYield of(TrainingDynamics dynamics, double[] ensembleScores) {
    int n = dynamics.sampleCount();
    if (ensembleScores.length != n) {
      throw new IllegalArgumentException(
          ensembleScores.length + " ensemble scores for " + n + " samples");
    }
    int[] order = Ranking.mostSuspiciousFirst(ensembleScores);
    double[] mean = new double[dynamics.numClasses()];
    double top100 = 0;
    double top1000 = 0;
    for (int rank = 0; rank < Math.min(1000, n); rank++) {
      int i = order[rank];
      MarginScorer.averaged(dynamics, i, mean);
      double wrong = Math.max(0, 1 - mean[dynamics.givenLabels()[i]]);
      top1000 += wrong;
      top100 += rank < 100 ? wrong : 0;
    }
    return new ExpectedYield(top100, top1000);
  }
}
