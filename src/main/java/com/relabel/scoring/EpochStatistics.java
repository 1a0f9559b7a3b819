package com.relabel.scoring;

/** Per-sample statistics over the epochs of an {@code [epoch][sample]} table. */
final class EpochStatistics {

  private EpochStatistics() {}

  /** {@code mean_e values[e][i]} for every sample {@code i}. */
  static double[] mean(float[][] values) {
    int epochs = values.length;
    int n = values[0].length;
    double[] mean = new double[n];
    for (float[] epoch : values) {
      for (int i = 0; i < n; i++) {
        mean[i] += epoch[i];
      }
    }
    for (int i = 0; i < n; i++) {
      mean[i] /= epochs;
    }
    return mean;
  }

  /** Population standard deviation over epochs (divides by E, not E - 1), given the means. */
  static double[] populationStd(float[][] values, double[] mean) {
    int epochs = values.length;
    int n = mean.length;
    double[] std = new double[n];
    for (float[] epoch : values) {
      for (int i = 0; i < n; i++) {
        double deviation = epoch[i] - mean[i];
        std[i] += deviation * deviation;
      }
    }
    for (int i = 0; i < n; i++) {
      std[i] = Math.sqrt(std[i] / epochs);
    }
    return std;
  }

  /** The share of epochs in which {@code predicted[e][i] == givenLabels[i]}. */
  static double[] agreementRate(int[][] predicted, int[] givenLabels) {
    int n = givenLabels.length;
    double[] rate = new double[n];
    for (int[] epoch : predicted) {
      for (int i = 0; i < n; i++) {
        if (epoch[i] == givenLabels[i]) {
          rate[i]++;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      rate[i] /= predicted.length;
    }
    return rate;
  }
}
