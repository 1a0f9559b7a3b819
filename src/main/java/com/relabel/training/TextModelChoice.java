package com.relabel.training;

import com.relabel.dataset.DatasetKind;
import com.relabel.engine.ModelKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text datasets train as 1 x D feature vectors ({@link com.relabel.dataset.TextFeatures}), which
 * the CNN (images of at least 8x8) cannot take: their runs always use the {@link ModelKind#MLP},
 * whatever was asked, and the run records that model (decision 0016).
 */
final class TextModelChoice {

  private static final Logger log = LoggerFactory.getLogger(TextModelChoice.class);

  /** Shown where a model is chosen. */
  static final String NOTE =
      "Text datasets always train the MLP, on the sentence encoder's vectors or hashed word counts.";

  private TextModelChoice() {}

  /** The settings a run of a dataset of this kind trains with. */
  static RunSettings forKind(String datasetKind, long datasetId, RunSettings asked) {
    if (!DatasetKind.TEXT.name().equals(datasetKind) || asked.model() == ModelKind.MLP) {
      return asked;
    }
    log.info(
        "Dataset {} holds texts: the run trains the MLP instead of the {} ({})",
        datasetId,
        asked.model().key(),
        NOTE);
    return asked.toBuilder().model(ModelKind.MLP).build();
  }
}
