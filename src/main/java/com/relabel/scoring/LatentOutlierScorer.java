package com.relabel.scoring;

import java.util.Arrays;

/**
 * Latent-space outliers of a supervised VAE, the AQUAVS noise score (docs/methods.md, "aquavs";
 * after Pulastya, Nuti, Atri and Chakraborty, "Assessing the Quality of the Datasets by Identifying
 * Mislabeled Samples", arXiv:2109.05000, 2021, Algorithm 1): a VAE whose latent variable also
 * predicts the label clusters each class in latent space, so a mislabeled sample is an outlier
 * among the samples that carry its (wrong) label.
 *
 * <p>For every class {@code c} and latent dimension {@code d} the median {@code m_cd} and the
 * median absolute deviation {@code MAD_cd} of the latent means {@link
 * TrainingDynamics#latentMeans()} of the samples given label {@code c}. The score of sample {@code
 * i} with given label {@code y}:
 *
 * <pre>
 *   count_i     = #{ d : |mu_id - m_yd| > alpha * MAD_yd }            (the paper's score)
 *   r_id        = |mu_id - m_yd| / max(MAD_yd, 1e-12)
 *   companion_i = s / (1 + s),  s = mean_d r_id                         (in [0, 1))
 *   score_i     = count_i + companion_i
 * </pre>
 *
 * so samples are ordered by the count and, within equal counts, by how far out they lie on average
 * (the count has only {@code dims + 1} values). A MAD of 0 (more than half of a class's samples
 * share the value) divides nothing: the count then flags any deviation at all, and the companion
 * uses the floor, clamped below 1.
 *
 * <p>Suggestion: the class whose latent median is nearest in the distance {@code sum_d ((mu_id -
 * m_cd) / sigma_d)^2}, where {@code sigma_d = 1.4826 * mean_c MAD_cd} is the within-class spread of
 * dimension {@code d} pooled over the classes (one scale per dimension, so a small class with a
 * tiny MAD does not pull samples away from the others); its confidence is that class's posterior
 * under equal priors and Gaussians {@code N(m_c, diag(sigma^2))}. Classes no sample carries are
 * never suggested. Needs latent means; deterministic.
 */
public final class LatentOutlierScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "aquavs";

  /** The paper's threshold in MADs. */
  public static final double DEFAULT_ALPHA = 1.5;

  /** Scales a MAD to the standard deviation of a normal distribution. */
  private static final double MAD_TO_SIGMA = 1.4826;

  private static final double MAD_FLOOR = 1e-12;

  private final double alpha;

  /** alpha = {@value #DEFAULT_ALPHA}. */
  public LatentOutlierScorer() {
    this(DEFAULT_ALPHA);
  }

  /**
   * Flags a dimension when the latent mean lies more than {@code alpha} MADs from its class median.
   *
   * @throws IllegalArgumentException if {@code alpha} is negative or not finite
   */
  public LatentOutlierScorer(double alpha) {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and >= 0, was " + alpha);
    }
    this.alpha = alpha;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean appliesTo(TrainingDynamics dynamics) {
    return dynamics.latentMeans() != null;
  }

  /**
   * Scores every sample by its latent outlyingness within its given class.
   *
   * @throws IllegalArgumentException if the dynamics carry no latent means
   */
  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    float[][] means = dynamics.latentMeans();
    if (means == null) {
      throw new IllegalArgumentException(
          "the aquavs method needs the latent means of a supervised VAE (latent epochs > 0)");
    }
    int n = dynamics.sampleCount();
    int k = dynamics.numClasses();
    int[] given = dynamics.givenLabels();
    int dims = n == 0 ? 0 : means[0].length;
    ClassStatistics stats = ClassStatistics.of(means, given, k, dims);
    double[] sigma = stats.pooledSigma();

    double[] scores = new double[n];
    int[] suggested = new int[n];
    double[] confidence = new double[n];
    double[] logDensity = new double[k];
    for (int i = 0; i < n; i++) {
      float[] mu = means[i];
      int y = given[i];
      int count = 0;
      double ratioSum = 0;
      for (int d = 0; d < dims; d++) {
        double deviation = Math.abs(mu[d] - stats.median[y][d]);
        double mad = stats.mad[y][d];
        if (deviation > alpha * mad) {
          count++;
        }
        ratioSum += deviation / Math.max(mad, MAD_FLOOR);
      }
      double mean = dims == 0 ? 0 : ratioSum / dims;
      double companion = Math.min(mean / (1 + mean), Math.nextDown(1.0));
      scores[i] = count + companion;

      int best = -1;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (!stats.present[c]) {
          logDensity[c] = Double.NEGATIVE_INFINITY;
          continue;
        }
        double squared = 0;
        for (int d = 0; d < dims; d++) {
          double z = (mu[d] - stats.median[c][d]) / sigma[d];
          squared += z * z;
        }
        logDensity[c] = -0.5 * squared;
        if (logDensity[c] > max) {
          max = logDensity[c];
          best = c;
        }
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        sum += Math.exp(logDensity[c] - max);
      }
      suggested[i] = best;
      confidence[i] = 1 / sum;
    }
    return new MethodScores(NAME, scores, suggested, confidence);
  }

  /** Per class and dimension: median and MAD of the latent means; which classes occur. */
  private record ClassStatistics(double[][] median, double[][] mad, boolean[] present) {

    static ClassStatistics of(float[][] means, int[] given, int k, int dims) {
      int[] counts = new int[k];
      for (int label : given) {
        counts[label]++;
      }
      double[][] median = new double[k][dims];
      double[][] mad = new double[k][dims];
      boolean[] present = new boolean[k];
      double[][] values = new double[k][];
      for (int c = 0; c < k; c++) {
        present[c] = counts[c] > 0;
        values[c] = new double[counts[c]];
      }
      int[] filled = new int[k];
      for (int d = 0; d < dims; d++) {
        Arrays.fill(filled, 0);
        for (int i = 0; i < given.length; i++) {
          values[given[i]][filled[given[i]]++] = means[i][d];
        }
        for (int c = 0; c < k; c++) {
          if (!present[c]) {
            continue;
          }
          double[] v = values[c];
          double m = median(v);
          for (int j = 0; j < v.length; j++) {
            v[j] = Math.abs(v[j] - m);
          }
          median[c][d] = m;
          mad[c][d] = median(v);
        }
      }
      return new ClassStatistics(median, mad, present);
    }

    /**
     * {@code sigma_d = 1.4826 * mean_c MAD_cd} over the present classes; where every class has a
     * MAD of 0 the floor keeps the distance finite.
     */
    double[] pooledSigma() {
      int dims = median.length == 0 ? 0 : median[0].length;
      double[] sigma = new double[dims];
      int classes = 0;
      for (boolean p : present) {
        classes += p ? 1 : 0;
      }
      for (int d = 0; d < dims; d++) {
        double sum = 0;
        for (int c = 0; c < present.length; c++) {
          if (present[c]) {
            sum += mad[c][d];
          }
        }
        sigma[d] = Math.max(MAD_TO_SIGMA * sum / Math.max(1, classes), MAD_FLOOR);
      }
      return sigma;
    }

    /** The median of {@code v} (sorted in place): the mean of the middle two for even lengths. */
    private static double median(double[] v) {
      Arrays.sort(v);
      int m = v.length / 2;
      return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
  }
}
