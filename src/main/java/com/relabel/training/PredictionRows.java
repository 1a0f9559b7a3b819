package com.relabel.training;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a {@link PredictionsFile} as they are read, whatever the format: each checked as it
 * comes and placed at its training-set row, refused with the file's name and line.
 */
final class PredictionRows {

  private final String name;
  private final int datasetSize;
  private final int[] sampleIndexes;
  private final Map<Integer, Integer> rowOfIndex;
  private final float[][] probabilities;
  private float[][] embeddings;
  private final int[] lineOfRow;
  private int embeddingSize = -1;

  /**
   * @param name the file's name, for the messages
   * @param sampleIndexes the sample index of each training-set row (excluded samples are absent:
   *     their predictions are read and ignored)
   * @param datasetSize the dataset's number of samples, to tell "excluded" from "unknown"
   */
  PredictionRows(String name, int[] sampleIndexes, int datasetSize) {
    this.name = name;
    this.datasetSize = datasetSize;
    this.sampleIndexes = sampleIndexes;
    this.rowOfIndex = new HashMap<>(sampleIndexes.length * 2);
    for (int row = 0; row < sampleIndexes.length; row++) {
      rowOfIndex.put(sampleIndexes[row], row);
    }
    this.probabilities = new float[sampleIndexes.length][];
    this.lineOfRow = new int[sampleIndexes.length];
  }

  /**
   * Checks one row and keeps it: a sample index of the dataset, probabilities in [0, 1] summing to
   * 1, an embedding as long as every other row's (or none on every row); an excluded sample's row
   * is checked and dropped, a repeated sample refused.
   */
  void accept(int index, float[] p, float[] embedding, int line) throws PredictionsFormatException {
    if (index < 0 || index >= datasetSize) {
      throw new PredictionsFormatException(
          name,
          line,
          "sample_index " + index + " is not in the dataset (0 to " + (datasetSize - 1) + ")");
    }
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      if (!(p[k] >= 0 && p[k] <= 1)) {
        throw new PredictionsFormatException(
            name,
            line,
            "probability "
                + p[k]
                + " of class "
                + k
                + " is not in [0, 1] (softmax probabilities, not logits)");
      }
      sum += p[k];
    }
    if (Math.abs(sum - 1) > PredictionsFile.SUM_TOLERANCE) {
      throw new PredictionsFormatException(
          name,
          line,
          String.format(
              Locale.ROOT,
              "the probabilities sum to %.4f, not 1 (softmax probabilities, not logits)",
              sum));
    }
    if (embedding != null) {
      if (embeddingSize < 0) {
        embeddingSize = embedding.length;
        embeddings = new float[probabilities.length][];
      } else if (embedding.length != embeddingSize) {
        throw new PredictionsFormatException(
            name,
            line,
            "an embedding of " + embedding.length + " values; earlier rows had " + embeddingSize);
      }
    } else if (embeddingSize >= 0) {
      throw new PredictionsFormatException(name, line, "no embedding; earlier rows had one");
    }
    Integer row = rowOfIndex.get(index);
    if (row == null) {
      return; // an excluded sample: it takes no part in scoring
    }
    if (probabilities[row] != null) {
      throw new PredictionsFormatException(
          name, line, "sample_index " + index + " again (first on line " + lineOfRow[row] + ")");
    }
    probabilities[row] = p;
    lineOfRow[row] = line;
    if (embedding != null) {
      embeddings[row] = embedding;
    }
  }

  /** Every row's predictions; refused when a sample of the training set has none. */
  PredictionsFile.Predictions complete() throws PredictionsFormatException {
    for (int row = 0; row < sampleIndexes.length; row++) {
      if (probabilities[row] == null) {
        throw new PredictionsFormatException(
            name, 0, "no prediction for sample " + sampleIndexes[row] + missingCount());
      }
    }
    return new PredictionsFile.Predictions(probabilities, embeddings);
  }

  private String missingCount() {
    long missing = Arrays.stream(probabilities).filter(p -> p == null).count();
    return missing > 1 ? " (and " + (missing - 1) + " more samples)" : "";
  }
}
