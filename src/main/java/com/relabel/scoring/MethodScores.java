package com.relabel.scoring;

/**
 * One method's verdict on every sample.
 *
 * @param method the registry name of the method (also the CSV column name)
 * @param scores one score per sample; higher means more likely mislabeled
 * @param suggestedLabels a suggested label per sample, or {@code null} if the method has none
 * @param suggestionConfidence the probability or confidence of each suggestion, or {@code null}
 */
public record MethodScores(
    String method, double[] scores, int[] suggestedLabels, double[] suggestionConfidence) {

  /** Checks that suggestions, when present, cover every scored sample. */
  public MethodScores {
    if (suggestedLabels != null && suggestedLabels.length != scores.length) {
      throw new IllegalArgumentException("one suggestion per score expected");
    }
    if (suggestionConfidence != null && suggestionConfidence.length != scores.length) {
      throw new IllegalArgumentException("one suggestion confidence per score expected");
    }
  }

  /** Scores without suggestions. */
  public static MethodScores of(String method, double[] scores) {
    return new MethodScores(method, scores, null, null);
  }
}
