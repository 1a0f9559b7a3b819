package com.relabel.scoring;

import java.util.Arrays;

/**
 * Loss mixture: a two-component 1-D Gaussian mixture fitted by EM on each sample's loss; score =
 * {@code 1 - P(clean | loss)}, the clean component being the one with the lower mean.
 *
 * <p>Clean samples are fitted early and keep a small loss, mislabeled ones keep a large loss, so
 * the loss distribution is bimodal (Arazo et al., "Unsupervised Label Noise Modeling and Loss
 * Correction", ICML 2019, with a beta mixture); DivideMix (Li, Socher and Hoi, "DivideMix: Learning
 * with Noisy Labels as Semi-supervised Learning", ICLR 2020) fits a two-component Gaussian mixture
 * on losses min-max normalised to {@code [0, 1]} and keeps samples whose clean posterior is high.
 *
 * <p>This scorer uses the <em>mean</em> loss over all recorded epochs (more stable than the last
 * epoch's, and not lowered by late memorisation of a wrong label), min-max normalised to {@code [0,
 * 1]}. EM starts deterministically from the 10% and 90% quantiles as means, the overall variance
 * for both components and equal weights, adds 5e-4 to every variance (as DivideMix's {@code
 * reg_covar}), and stops after 100 iterations or when the mean log-likelihood improves by less than
 * 1e-8. Because a wide noisy component would otherwise also win the far left tail, the posterior is
 * evaluated at the loss clamped to {@code [mean_clean, mean_noisy]}, which keeps the score monotone
 * in the loss. Suggestions are the final prediction.
 */
public final class LossMixtureScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "gmm";

  static final int MAX_ITERATIONS = 100;
  static final double TOLERANCE = 1e-8;
  static final double VARIANCE_FLOOR = 5e-4;

  /** Creates the scorer; it holds no state. */
  public LossMixtureScorer() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    double[] cleanProbability = cleanProbability(EpochStatistics.mean(dynamics.loss()));
    double[] scores = new double[cleanProbability.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = 1 - cleanProbability[i];
    }
    return Suggestions.finalPrediction(dynamics).withScores(NAME, scores);
  }

  /**
   * The posterior probability of the low-mean component for every value, after min-max
   * normalisation and EM as described above. All values equal gives 1 for every sample.
   */
  public static double[] cleanProbability(double[] losses) {
    double[] normalised = normalise(losses);
    double[] clean = new double[losses.length];
    if (Arrays.stream(normalised).allMatch(value -> value == 0)) {
      Arrays.fill(clean, 1);
      return clean;
    }
    Mixture mixture = Mixture.fit(normalised);
    for (int i = 0; i < clean.length; i++) {
      clean[i] = mixture.cleanPosterior(normalised[i]);
    }
    return clean;
  }

  private static double[] normalise(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    double range = max - min;
    double[] normalised = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      normalised[i] = range > 0 ? (values[i] - min) / range : 0;
    }
    return normalised;
  }

  /**
   * A fitted two-component mixture, component 0 having the lower mean.
   *
   * @param weight mixing weights
   * @param mean component means
   * @param variance component variances
   */
  record Mixture(double[] weight, double[] mean, double[] variance) {

    static Mixture fit(double[] x) {
      int n = x.length;
      if (n == 0) {
        return new Mixture(new double[] {1, 0}, new double[] {0, 1}, new double[] {1, 1});
      }
      double[] sorted = x.clone();
      Arrays.sort(sorted);
      double overallMean = 0;
      for (double value : x) {
        overallMean += value;
      }
      overallMean /= n;
      double overallVariance = 0;
      for (double value : x) {
        overallVariance += (value - overallMean) * (value - overallMean);
      }
      overallVariance = overallVariance / n + VARIANCE_FLOOR;
      double[] weight = {0.5, 0.5};
      double[] mean = {sorted[(int) (0.1 * (n - 1))], sorted[(int) Math.ceil(0.9 * (n - 1))]};
      double[] variance = {overallVariance, overallVariance};
      double previous = Double.NEGATIVE_INFINITY;
      double[] responsibility = new double[n];
      for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        // E step: responsibility of component 1, and the log-likelihood.
        double logLikelihood = 0;
        for (int i = 0; i < n; i++) {
          double a = Math.log(weight[0]) + logDensity(x[i], mean[0], variance[0]);
          double b = Math.log(weight[1]) + logDensity(x[i], mean[1], variance[1]);
          double max = Math.max(a, b);
          double logSum = max + Math.log(Math.exp(a - max) + Math.exp(b - max));
          responsibility[i] = Math.exp(b - logSum);
          logLikelihood += logSum;
        }
        logLikelihood /= n;
        // M step.
        double mass1 = 0;
        double sum0 = 0;
        double sum1 = 0;
        for (int i = 0; i < n; i++) {
          mass1 += responsibility[i];
          sum1 += responsibility[i] * x[i];
          sum0 += (1 - responsibility[i]) * x[i];
        }
        double mass0 = n - mass1;
        if (mass0 <= 0 || mass1 <= 0) {
          break;
        }
        mean[0] = sum0 / mass0;
        mean[1] = sum1 / mass1;
        double squares0 = 0;
        double squares1 = 0;
        for (int i = 0; i < n; i++) {
          double d0 = x[i] - mean[0];
          double d1 = x[i] - mean[1];
          squares0 += (1 - responsibility[i]) * d0 * d0;
          squares1 += responsibility[i] * d1 * d1;
        }
        variance[0] = squares0 / mass0 + VARIANCE_FLOOR;
        variance[1] = squares1 / mass1 + VARIANCE_FLOOR;
        weight[0] = mass0 / n;
        weight[1] = mass1 / n;
        if (logLikelihood - previous < TOLERANCE) {
          break;
        }
        previous = logLikelihood;
      }
      if (mean[1] < mean[0]) {
        return new Mixture(
            new double[] {weight[1], weight[0]},
            new double[] {mean[1], mean[0]},
            new double[] {variance[1], variance[0]});
      }
      return new Mixture(weight, mean, variance);
    }

    /** P(component 0 | x), with x clamped to [mean0, mean1] so it is monotone in x. */
    double cleanPosterior(double x) {
      double clamped = Math.min(Math.max(x, mean[0]), mean[1]);
      double a = Math.log(weight[0]) + logDensity(clamped, mean[0], variance[0]);
      double b = Math.log(weight[1]) + logDensity(clamped, mean[1], variance[1]);
      return 1 / (1 + Math.exp(b - a));
    }

    private static double logDensity(double x, double mean, double variance) {
      double d = x - mean;
      return -0.5 * (Math.log(2 * Math.PI * variance) + d * d / variance);
    }
  }
}
