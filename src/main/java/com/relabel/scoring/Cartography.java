package com.relabel.scoring;

/**
 * A Dataset Cartography data map (Swayamdipta et al., "Dataset Cartography: Mapping and Diagnosing
 * Datasets with Training Dynamics", EMNLP 2020): three numbers per sample computed from the
 * per-epoch probability of its given label.
 *
 * <p>The map plots variability (x) against confidence (y), colored by correctness; see {@link
 * CartographyRegion} for how samples are sorted into easy, ambiguous and hard-to-learn.
 *
 * @param confidence {@code mean_e p_e(y_i|x_i)}
 * @param variability population standard deviation over epochs of {@code p_e(y_i|x_i)}, in {@code
 *     [0, 0.5]}
 * @param correctness the share of epochs whose prediction equals the given label, in {@code [0, 1]}
 */
public record Cartography(double[] confidence, double[] variability, double[] correctness) {

  /**
   * Default confidence threshold: the model gives the given label at least even odds on average.
   */
  public static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.5;

  /**
   * Default variability threshold, 40% of the largest possible standard deviation (0.5) of a
   * probability. Fixed rather than relative to the dataset (such as its median), so that a clean,
   * easy dataset shows an almost empty ambiguous region instead of always half of its samples.
   */
  public static final double DEFAULT_VARIABILITY_THRESHOLD = 0.2;

  /** Checks that the three arrays cover the same samples. */
  public Cartography {
    int n = confidence.length;
    if (variability.length != n || correctness.length != n) {
      throw new IllegalArgumentException("confidence, variability and correctness differ in size");
    }
  }

  /** Computes the map from recorded training dynamics; {@code O(E * n)}. */
  public static Cartography of(TrainingDynamics dynamics) {
    double[] confidence = EpochStatistics.mean(dynamics.probGiven());
    double[] variability = EpochStatistics.populationStd(dynamics.probGiven(), confidence);
    double[] correctness =
        EpochStatistics.agreementRate(dynamics.predicted(), dynamics.givenLabels());
    return new Cartography(confidence, variability, correctness);
  }

  /** The number of samples on the map. */
  public int sampleCount() {
    return confidence.length;
  }

  /** The region of one sample with the default thresholds. */
  public CartographyRegion region(int sample) {
    return CartographyRegion.classify(
        confidence[sample],
        variability[sample],
        DEFAULT_CONFIDENCE_THRESHOLD,
        DEFAULT_VARIABILITY_THRESHOLD);
  }

  /** The region of every sample with the default thresholds. */
  public CartographyRegion[] regions() {
    return regions(DEFAULT_CONFIDENCE_THRESHOLD, DEFAULT_VARIABILITY_THRESHOLD);
  }

  /** The region of every sample with the given thresholds. */
  public CartographyRegion[] regions(double confidenceThreshold, double variabilityThreshold) {
    CartographyRegion[] regions = new CartographyRegion[sampleCount()];
    for (int i = 0; i < regions.length; i++) {
      regions[i] =
          CartographyRegion.classify(
              confidence[i], variability[i], confidenceThreshold, variabilityThreshold);
    }
    return regions;
  }
}
