package com.relabel.scoring;

import java.util.Arrays;

/**
 * Confident learning (Northcutt, Jiang and Chuang, "Confident Learning: Estimating Uncertainty in
 * Dataset Labels", JAIR 2021; the algorithm of the cleanlab library) on predicted probabilities
 * {@code P[n][K]} and given labels.
 *
 * <ul>
 *   <li>Per-class thresholds {@code t_j} = mean of {@code p(j|x)} over the samples labelled {@code
 *       j} ({@code +Infinity} for a class nobody carries, so nothing is counted into it).
 *   <li>Confident joint {@code C[i][j]}: the number of samples labelled {@code i} whose class
 *       {@code j} has {@code p(j|x) >= t_j - 1e-6} (cleanlab's tolerance), {@code j} being the
 *       argmax of {@code p} among the classes above their threshold (ties: lower class); samples
 *       with no class above threshold are not counted. This is the paper's definition; cleanlab's
 *       code takes the overall argmax when exactly one class passes.
 *   <li>Calibration as in cleanlab: the diagonal is raised to at least 1 for every class present,
 *       each row is rescaled to that class's label count and rounded to integers preserving the row
 *       totals (largest remainder, ties to the lower class), so the calibrated joint sums to n.
 *   <li>Estimated joint {@code Q = C_cal / n}, noise matrix {@code P(given=i | true=j) =
 *       C_cal[i][j] / sum_i C_cal[i][j]}, estimated number of label errors = the off-diagonal sum
 *       of {@code C_cal}.
 *   <li>Issues, cleanlab's {@code prune_by_noise_rate}: for every off-diagonal cell {@code (i, j)},
 *       the {@code C_cal[i][j]} samples labelled {@code i} with the largest margin {@code p(j|x) -
 *       p(i|x)} (ties: lower index); as in cleanlab, a sample whose argmax is its given label is
 *       never an issue.
 *   <li>Label quality: self-confidence {@code p(y|x)} and normalised margin {@code (p(y|x) - max_{k
 *       != y} p(k|x) + 1) / 2}; lower means more likely mislabeled.
 * </ul>
 *
 * <p>The probabilities should be out-of-sample (k-fold cross-validation): in-sample probabilities
 * are overconfident because the model has partly memorised the wrong labels, which shrinks every
 * estimate. Time {@code O(n K + K n_i log n_i)} per noisy cell, memory {@code O(n + K^2)}.
 */
public final class ConfidentLearning {

  private static final double THRESHOLD_TOLERANCE = 1e-6;

  private final int numClasses;
  private final double[] thresholds;
  private final int[][] confidentJoint;
  private final int[][] calibratedJoint;
  private final boolean[] issues;
  private final double[] selfConfidence;
  private final double[] normalizedMargin;

  private ConfidentLearning(float[][] probabilities, int[] labels, int numClasses) {
    int n = labels.length;
    if (probabilities.length != n) {
      throw new IllegalArgumentException(
          probabilities.length + " probability rows for " + n + " labels");
    }
    if (numClasses < 1) {
      throw new IllegalArgumentException("at least one class needed");
    }
    this.numClasses = numClasses;
    int[] counts = new int[numClasses];
    double[] sums = new double[numClasses];
    for (int i = 0; i < n; i++) {
      if (probabilities[i].length != numClasses) {
        throw new IllegalArgumentException(
            "sample " + i + " needs " + numClasses + " probabilities");
      }
      int y = labels[i];
      if (y < 0 || y >= numClasses) {
        throw new IllegalArgumentException("label " + y + " of sample " + i + " is out of range");
      }
      counts[y]++;
      sums[y] += probabilities[i][y];
    }
    thresholds = new double[numClasses];
    for (int j = 0; j < numClasses; j++) {
      thresholds[j] = counts[j] > 0 ? sums[j] / counts[j] : Double.POSITIVE_INFINITY;
    }
    confidentJoint = new int[numClasses][numClasses];
    selfConfidence = new double[n];
    normalizedMargin = new double[n];
    int[] argmax = new int[n];
    for (int i = 0; i < n; i++) {
      float[] p = probabilities[i];
      int y = labels[i];
      int confident = -1;
      int best = 0;
      double otherMax = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < numClasses; j++) {
        if (p[j] >= thresholds[j] - THRESHOLD_TOLERANCE && (confident < 0 || p[j] > p[confident])) {
          confident = j;
        }
        if (p[j] > p[best]) {
          best = j;
        }
        if (j != y) {
          otherMax = Math.max(otherMax, p[j]);
        }
      }
      if (confident >= 0) {
        confidentJoint[y][confident]++;
      }
      argmax[i] = best;
      selfConfidence[i] = p[y];
      normalizedMargin[i] = numClasses == 1 ? 1 : (p[y] - otherMax + 1) / 2;
    }
    calibratedJoint = JointCalibration.calibrate(confidentJoint, counts);
    issues = pruneByNoiseRate(probabilities, labels, argmax);
  }

  /**
   * Fits confident learning to the given probabilities.
   *
   * @param probabilities {@code [sample][class]}, ideally out-of-sample
   * @param labels the given labels, in {@code [0, numClasses)}
   * @param numClasses K
   * @throws IllegalArgumentException if sizes disagree or a label is out of range
   */
  public static ConfidentLearning fit(float[][] probabilities, int[] labels, int numClasses) {
    return new ConfidentLearning(probabilities, labels, numClasses);
  }

  /** Fits on the held-out probabilities when recorded, else on the (overconfident) final ones. */
  public static ConfidentLearning of(TrainingDynamics dynamics) {
    return fit(probabilitiesOf(dynamics), dynamics.givenLabels(), dynamics.numClasses());
  }

  /** The held-out probabilities when recorded, else the final-epoch probabilities. */
  static float[][] probabilitiesOf(TrainingDynamics dynamics) {
    return dynamics.heldOutProbabilities() != null
        ? dynamics.heldOutProbabilities()
        : dynamics.finalProbabilities();
  }

  /** The per-class thresholds {@code t_j}. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** The raw confident joint {@code C[given][true]}, before calibration. */
  public int[][] confidentJoint() {
    return copy(confidentJoint);
  }

  /** The calibrated confident joint: row {@code i} sums to the number of samples labelled i. */
  public int[][] calibratedJoint() {
    return copy(calibratedJoint);
  }

  /** The estimated joint distribution {@code Q[given][true]}, summing to 1. */
  public double[][] joint() {
    long total = 0;
    for (int[] row : calibratedJoint) {
      for (int count : row) {
        total += count;
      }
    }
    double[][] joint = new double[numClasses][numClasses];
    for (int i = 0; i < numClasses; i++) {
      for (int j = 0; j < numClasses; j++) {
        joint[i][j] = total == 0 ? 0 : (double) calibratedJoint[i][j] / total;
      }
    }
    return joint;
  }

  /**
   * The estimated noise transition matrix {@code P(given = i | true = j)}, indexed {@code [i][j]};
   * every column sums to 1 (a true class with no estimated samples gets the identity column).
   */
  public double[][] noiseMatrix() {
    double[][] noise = new double[numClasses][numClasses];
    for (int j = 0; j < numClasses; j++) {
      long column = 0;
      for (int i = 0; i < numClasses; i++) {
        column += calibratedJoint[i][j];
      }
      for (int i = 0; i < numClasses; i++) {
        noise[i][j] = column == 0 ? (i == j ? 1 : 0) : (double) calibratedJoint[i][j] / column;
      }
    }
    return noise;
  }

  /** The estimated number of label errors: the off-diagonal sum of the calibrated joint. */
  public int estimatedErrorCount() {
    int errors = 0;
    for (int i = 0; i < numClasses; i++) {
      for (int j = 0; j < numClasses; j++) {
        errors += i == j ? 0 : calibratedJoint[i][j];
      }
    }
    return errors;
  }

  /** The samples flagged by pruning by noise rate. */
  public boolean[] issues() {
    return issues.clone();
  }

  /** The number of flagged samples. */
  public int issueCount() {
    int count = 0;
    for (boolean issue : issues) {
      count += issue ? 1 : 0;
    }
    return count;
  }

  /** Self-confidence {@code p(y_i|x_i)} per sample; low = suspicious. */
  public double[] selfConfidence() {
    return selfConfidence.clone();
  }

  /**
   * Normalised margin {@code (p(y|x) - max_{k != y} p(k|x) + 1) / 2} per sample; low = suspicious.
   */
  public double[] normalizedMargin() {
    return normalizedMargin.clone();
  }

  private boolean[] pruneByNoiseRate(float[][] probabilities, int[] labels, int[] argmax) {
    int n = labels.length;
    int[][] members = new int[numClasses][];
    int[] filled = new int[numClasses];
    for (int label : labels) {
      filled[label]++;
    }
    for (int c = 0; c < numClasses; c++) {
      members[c] = new int[filled[c]];
      filled[c] = 0;
    }
    for (int s = 0; s < n; s++) {
      members[labels[s]][filled[labels[s]]++] = s;
    }
    boolean[] flagged = new boolean[n];
    for (int i = 0; i < numClasses; i++) {
      int[] samples = members[i];
      for (int j = 0; j < numClasses; j++) {
        int prune = Math.min(i == j ? 0 : calibratedJoint[i][j], samples.length);
        if (prune == 0) {
          continue;
        }
        double[] margin = new double[samples.length];
        for (int s = 0; s < samples.length; s++) {
          float[] p = probabilities[samples[s]];
          margin[s] = (double) p[j] - p[i];
        }
        int[] order = Ranking.mostSuspiciousFirst(margin);
        for (int r = 0; r < prune; r++) {
          flagged[samples[order[r]]] = true;
        }
      }
    }
    for (int s = 0; s < n; s++) {
      if (argmax[s] == labels[s]) {
        flagged[s] = false;
      }
    }
    return flagged;
  }

  private static int[][] copy(int[][] matrix) {
    int[][] copy = new int[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      copy[i] = Arrays.copyOf(matrix[i], matrix[i].length);
    }
    return copy;
  }
}
