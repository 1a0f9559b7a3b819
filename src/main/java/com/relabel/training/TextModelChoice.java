package com.relabel.training;

import com.relabel.dataset.DatasetKind;
import com.relabel.engine.ModelKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text datasets train as 1 x D feature vectors ({@link com.relabel.dataset.TextFeatures}), which
 * the CNN (images of at least 8x8) cannot take: their runs always use the {@link ModelKind#MLP},
 * whatever was asked, and the run records that model (decision 0016). So do the runs of any dataset
 * that trains on its own attached vectors (decision 0044), and of feature tables (decision 0045).
 */
final class TextModelChoice {

  private static final Logger log = LoggerFactory.getLogger(TextModelChoice.class);

  /** Shown where a model is chosen. */
  static final String NOTE =
      "Text datasets, feature tables, and datasets that train on their own embeddings, always train"
          + " the MLP.";

  private TextModelChoice() {}

  /**
   * The settings a run of a dataset of this kind trains with; {@code ownEmbeddings}: the dataset
   * trains on its own attached vectors, whatever its kind.
   */
  static RunSettings forKind(
      String datasetKind, boolean ownEmbeddings, long datasetId, RunSettings asked) {
    boolean vectors = ownEmbeddings || DatasetKind.valueOf(datasetKind).trainsAsVectors();
    if (!vectors || asked.model() == ModelKind.MLP) {
      return asked;
    }
    log.info(
        "Dataset {} trains on {}: the run trains the MLP instead of the {} ({})",
        datasetId,
        ownEmbeddings ? "its own embeddings" : datasetKind.toLowerCase(java.util.Locale.ROOT),
        asked.model().key(),
        NOTE);
    return asked.toBuilder().model(ModelKind.MLP).build();
  }
}
