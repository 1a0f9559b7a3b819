package com.relabel.scoring;

/**
 * How well a method's scores find the truly flipped samples of a benchmark: pure functions of the
 * scores and the ground truth ({@code positive[i]} = sample {@code i} really is mislabeled).
 *
 * <p>All metrics are independent of how tied samples happen to be ordered: AUROC counts a tied
 * positive/negative pair as half (the Mann–Whitney U statistic, Hanley &amp; McNeil, Radiology
 * 1982), average precision steps over distinct score thresholds, and precision/recall at {@code k}
 * share the places of a group tied at the cut-off, which equals their expectation over random
 * tie-breaking. Everything is {@code O(n log n)}.
 */
public final class Evaluation {

  private Evaluation() {}

  /**
   * Area under the ROC curve: the probability that a random mislabeled sample scores above a random
   * clean one, ties counting half. 1 is a perfect ranking, 0 a reversed one, 0.5 chance.
   *
   * @throws IllegalArgumentException if sizes differ or there is no positive or no negative
   */
  public static double auroc(double[] scores, boolean[] positive) {
    int positives = countPositives(scores, positive);
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("AUROC needs at least one positive and one negative");
    }
    double[] ranks = Ranking.averageRanks(scores);
    double positiveRankSum = 0;
    for (int i = 0; i < scores.length; i++) {
      if (positive[i]) {
        positiveRankSum += ranks[i];
      }
    }
    double mannWhitneyU = positiveRankSum - (double) positives * (positives + 1) / 2;
    return mannWhitneyU / ((double) positives * negatives);
  }

  /**
   * Average precision, {@code sum_t (R_t - R_{t-1}) P_t} over the distinct score thresholds {@code
   * t} from high to low (scikit-learn's definition); without ties it is the mean of the precision
   * at the rank of every positive.
   *
   * @throws IllegalArgumentException if sizes differ or there is no positive
   */
  public static double averagePrecision(double[] scores, boolean[] positive) {
    int positives = requirePositives(scores, positive);
    int[] order = Ranking.mostSuspiciousFirst(scores);
    double averagePrecision = 0;
    int truePositives = 0;
    int start = 0;
    while (start < order.length) {
      int end = endOfTies(scores, order, start);
      int newPositives = 0;
      for (int j = start; j < end; j++) {
        newPositives += positive[order[j]] ? 1 : 0;
      }
      truePositives += newPositives;
      averagePrecision += (double) newPositives / positives * truePositives / end;
      start = end;
    }
    return averagePrecision;
  }

  /** The share of the {@code k} highest-scored samples that are positive. */
  public static double precisionAtK(double[] scores, boolean[] positive, int k) {
    return hitsAtK(scores, positive, k) / k;
  }

  /**
   * The share of all positives found among the {@code k} highest-scored samples.
   *
   * @throws IllegalArgumentException if there is no positive
   */
  public static double recallAtK(double[] scores, boolean[] positive, int k) {
    int positives = requirePositives(scores, positive);
    return hitsAtK(scores, positive, k) / positives;
  }

  /**
   * Among the truly mislabeled samples, the share whose suggested label is the true label.
   *
   * @throws IllegalArgumentException if sizes differ or there is no positive
   */
  public static double suggestionAccuracy(
      int[] suggestedLabels, int[] trueLabels, boolean[] positive) {
    if (suggestedLabels.length != positive.length || trueLabels.length != positive.length) {
      throw new IllegalArgumentException("suggestions, true labels and truth differ in size");
    }
    int positives = 0;
    int correct = 0;
    for (int i = 0; i < positive.length; i++) {
      if (positive[i]) {
        positives++;
        correct += suggestedLabels[i] == trueLabels[i] ? 1 : 0;
      }
    }
    if (positives == 0) {
      throw new IllegalArgumentException("suggestion accuracy needs at least one positive");
    }
    return (double) correct / positives;
  }

  /** Expected positives among the top {@code k}, sharing a group tied at the cut-off. */
  private static double hitsAtK(double[] scores, boolean[] positive, int k) {
    countPositives(scores, positive);
    if (k < 1 || k > scores.length) {
      throw new IllegalArgumentException("k must be in [1, " + scores.length + "], was " + k);
    }
    int[] order = Ranking.mostSuspiciousFirst(scores);
    double hits = 0;
    int start = 0;
    while (start < k) {
      int end = endOfTies(scores, order, start);
      int groupPositives = 0;
      for (int j = start; j < end; j++) {
        groupPositives += positive[order[j]] ? 1 : 0;
      }
      int placesTaken = Math.min(end, k) - start;
      hits += (double) groupPositives * placesTaken / (end - start);
      start = end;
    }
    return hits;
  }

  private static int endOfTies(double[] scores, int[] order, int start) {
    int end = start + 1;
    while (end < order.length && Double.compare(scores[order[end]], scores[order[start]]) == 0) {
      end++;
    }
    return end;
  }

  private static int countPositives(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + positive.length + " ground-truth flags");
    }
    int count = 0;
    for (boolean isPositive : positive) {
      count += isPositive ? 1 : 0;
    }
    return count;
  }

  private static int requirePositives(double[] scores, boolean[] positive) {
    int positives = countPositives(scores, positive);
    if (positives == 0) {
      throw new IllegalArgumentException("the ground truth has no positive");
    }
    return positives;
  }
}
