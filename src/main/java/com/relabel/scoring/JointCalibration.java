package com.relabel.scoring;

/** The calibration step of confident learning, in whole counts (docs/methods.md). */
final class JointCalibration {

  private JointCalibration() {}

  /**
   * The confident joint with each row {@code i} rescaled to sum to {@code counts[i]}, the number of
   * samples labelled {@code i}, its diagonal at least 1 where the class has samples
   * (docs/methods.md, confident learning).
   */
  static int[][] calibrate(int[][] joint, int[] counts) {
    int k = counts.length;
    int[][] calibrated = new int[k][];
    for (int i = 0; i < k; i++) {
      double[] row = new double[k];
      long total = 0;
      for (int j = 0; j < k; j++) {
        row[j] = i == j && counts[i] > 0 ? Math.max(1, joint[i][j]) : joint[i][j];
        total += (long) row[j];
      }
      for (int j = 0; j < k; j++) {
        row[j] = total == 0 ? 0 : row[j] / total * counts[i];
      }
      calibrated[i] = roundPreservingTotal(row, counts[i]);
    }
    return calibrated;
  }

  /** Floors, then gives the missing units to the largest remainders (ties: lower index). */
  static int[] roundPreservingTotal(double[] values, int total) {
    int k = values.length;
    int[] rounded = new int[k];
    double[] remainder = new double[k];
    int sum = 0;
    for (int j = 0; j < k; j++) {
      rounded[j] = (int) Math.floor(values[j]);
      remainder[j] = values[j] - rounded[j];
      sum += rounded[j];
    }
    int[] order = Ranking.mostSuspiciousFirst(remainder);
    for (int u = 0; u < total - sum && u < k; u++) {
      rounded[order[u]]++;
    }
    return rounded;
  }
}
