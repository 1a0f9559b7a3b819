package com.relabel.dataset;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dataset's own vectors as what a run learns from (decision 0044): each sample's vector becomes a
 * 1 x d x 1 "image" for the MLP, as the sentence encoder's do (decision 0038), and the vectors
 * themselves become the neighbour space of {@code knn} and the review view's neighbours.
 */
public final class OwnEmbeddings {

  /** The {@code sample_embedding.model} of vectors a team attached. */
  public static final String MODEL = "own";

  /**
   * Standard deviations either side of a component's mean that map into one byte. A team's vectors
   * come at any scale (unit length, raw activations in the hundreds), so each component is
   * standardised over the dataset first; 3 keeps 99.7% of normally spread values unclipped.
   */
  static final float Z_RANGE = 3f;

  private OwnEmbeddings() {}

  /**
   * The samples' own vectors with their current labels, excluded samples left out, in sample order.
   *
   * @throws IllegalStateException when a sample has no vector
   */
  static TrainingSet trainingSet(JdbcTemplate jdbc, Dataset d) {
    return trainingSet(jdbc, d, MODEL, "has no embedding of its own; attach the embeddings again");
  }

  /**
   * The samples' stored vectors of {@code model} as what a run learns from, excluded samples left
   * out, in sample order: own embeddings, and the encoded rows of a table (decision 0045).
   *
   * @throws IllegalStateException "sample #i of dataset 'd' " + {@code whenMissing} when a sample
   *     has no vector
   */
  static TrainingSet trainingSet(JdbcTemplate jdbc, Dataset d, String model, String whenMissing) {
    int n = IncludedSamples.count(jdbc, d.getId());
    float[][] vectors = new float[n][];
    var rows =
        IncludedSamples.read(
            jdbc,
            n,
            "select s.id, s.current_label, e.vector, s.sample_index from sample s"
                + " left join sample_embedding e on e.sample_id = s.id and e.model = ?"
                + " where s.dataset_id = ? and s.status <> 'EXCLUDED' order by s.sample_index",
            (rs, i) -> {
              byte[] stored = rs.getBytes(3);
              if (stored == null) {
                throw new IllegalStateException(
                    "sample #" + rs.getInt(4) + " of dataset '" + d.getName() + "' " + whenMissing);
              }
              vectors[i] = TextVectors.fromBytes(stored);
            },
            model,
            d.getId());
    return new TrainingSet(
        d.getId(), rows.ids(), asFeatures(vectors, rows.labels(), d.getNumClasses()), vectors);
  }

  /**
   * Reads a file of vectors for {@code samples} samples without a database (the headless scorer):
   * {@code result[i]} is sample {@code i}'s vector, checked as an attached file is.
   *
   * @throws EmbeddingsFormatException naming the file, line or row, and field of the first problem
   */
  public static float[][] read(Path file, int samples) throws IOException {
    float[][] vectors = new float[samples][];
    EmbeddingsFile.read(
        file, file.getFileName().toString(), samples, (index, v) -> vectors[index] = v);
    return vectors;
  }

  /** The vectors as 1 x d "images" for the MLP, standardised per component, with the labels. */
  public static LabeledImages asFeatures(float[][] vectors, int[] labels, int numClasses) {
    int width = vectors.length == 0 ? 1 : vectors[0].length;
    DatasetFormat.requireOneArray(vectors.length, width, "samples", "components");
    return new LabeledImages(
        vectors.length, 1, width, 1, standardised(vectors, width), labels, numClasses);
  }

  /**
   * The vectors as bytes, back to back: each component standardised over the samples (mean 0,
   * spread 1), clipped to [-{@link #Z_RANGE}, {@link #Z_RANGE}] and mapped to 0..255. A component
   * that never varies maps to the middle.
   */
  static byte[] standardised(float[][] vectors, int width) {
    double[] mean = new double[width];
    double[] square = new double[width];
    for (float[] v : vectors) {
      for (int j = 0; j < width; j++) {
        mean[j] += v[j];
        square[j] += (double) v[j] * v[j];
      }
    }
    int n = Math.max(1, vectors.length);
    double[] scale = new double[width];
    for (int j = 0; j < width; j++) {
      mean[j] /= n;
      double spread = Math.sqrt(Math.max(0, square[j] / n - mean[j] * mean[j]));
      scale[j] = spread > 0 ? 1 / spread : 0;
    }
    byte[] out = new byte[vectors.length * width];
    for (int i = 0; i < vectors.length; i++) {
      for (int j = 0; j < width; j++) {
        double z = Math.clamp((vectors[i][j] - mean[j]) * scale[j], -Z_RANGE, Z_RANGE);
        out[i * width + j] = (byte) Math.round(255 * (z + Z_RANGE) / (2 * Z_RANGE));
      }
    }
    return out;
  }
}
