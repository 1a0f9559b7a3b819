package com.relabel.scoring;

/**
 * The three regions of a Dataset Cartography data map (Swayamdipta et al., "Dataset Cartography:
 * Mapping and Diagnosing Datasets with Training Dynamics", EMNLP 2020).
 *
 * <p>The rule, applied to a sample's confidence {@code c} and variability {@code v} with a
 * confidence threshold {@code tc} and a variability threshold {@code tv}:
 *
 * <ol>
 *   <li>{@link #AMBIGUOUS} if {@code v >= tv}: the model changes its mind across epochs;
 *   <li>otherwise {@link #EASY} if {@code c >= tc}: consistently and confidently learned;
 *   <li>otherwise {@link #HARD}: consistently not learned, where mislabeled samples gather.
 * </ol>
 */
public enum CartographyRegion {
  /** High confidence, low variability. */
  EASY,
  /** High variability, whatever the confidence. */
  AMBIGUOUS,
  /** Low confidence, low variability: "hard-to-learn", the region of most label errors. */
  HARD;

  /** Applies the rule above; deterministic, comparisons are inclusive of the thresholds. */
  public static CartographyRegion classify(
      double confidence,
      double variability,
      double confidenceThreshold,
      double variabilityThreshold) {
    if (variability >= variabilityThreshold) {
      return AMBIGUOUS;
    }
    return confidence >= confidenceThreshold ? EASY : HARD;
  }
}
