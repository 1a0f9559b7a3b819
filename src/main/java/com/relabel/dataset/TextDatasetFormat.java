package com.relabel.dataset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Text datasets (CSV or JSONL): each text as the features its dataset chose ({@link TextFeatures}).
 */
@Component
class TextDatasetFormat implements DatasetFormat {

  private final JdbcTemplate jdbc;

  TextDatasetFormat(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public DatasetKind kind() {
    return DatasetKind.TEXT;
  }

  /**
   * The texts with their current labels as features (1 x D x 1 "images", {@link TextFeatures}):
   * hashed word counts computed as the texts are read, and/or the sentence vectors stored at
   * import, which then also become the neighbour space; excluded samples left out, in sample order.
   * Only the features (and vectors) are held, never the texts.
   *
   * @throws IllegalStateException when a sample of an encoded dataset has no vector
   */
  @Override
  public TrainingSet trainingSet(Dataset d) {
    TextFeatures kind = d.getTextFeatures();
    int size = kind.width();
    int n = IncludedSamples.count(jdbc, d.getId());
    DatasetFormat.requireOneArray(n, size, "texts", "features");
    byte[] features = new byte[n * size];
    float[][] vectors = kind.usesEncoder() ? new float[n][] : null;
    var rows =
        IncludedSamples.read(
            jdbc,
            n,
            "select s.id, s.current_label, c.text_body, e.vector, s.sample_index from sample s"
                + " join sample_content c on c.sample_id = s.id"
                + " left join sample_embedding e on e.sample_id = s.id and e.model = ?"
                + " where s.dataset_id = ? and s.status <> 'EXCLUDED' order by s.sample_index",
            (rs, i) -> {
              float[] vector = null;
              if (vectors != null) {
                byte[] stored = rs.getBytes(4);
                if (stored == null) {
                  throw new IllegalStateException(
                      "sample #"
                          + rs.getInt(5)
                          + " of dataset '"
                          + d.getName()
                          + "' has no "
                          + TextEncoder.MODEL
                          + " vector; import it again to train on the encoder");
                }
                vector = TextVectors.fromBytes(stored);
                vectors[i] = vector;
              }
              kind.write(rs.getString(3), vector, features, i * size);
            },
            TextEncoder.MODEL,
            d.getId());
    var vectorsAsImages =
        new LabeledImages(n, 1, size, 1, features, rows.labels(), d.getNumClasses());
    return new TrainingSet(d.getId(), rows.ids(), vectorsAsImages, vectors);
  }
}
