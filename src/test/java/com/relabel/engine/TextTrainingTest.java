package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.LabeledImages;
import com.relabel.dataset.SyntheticTexts;
import com.relabel.dataset.TextFeaturizer;
import com.relabel.scoring.NoiseReport;
import com.relabel.scoring.ScorerRegistry;
import org.junit.jupiter.api.Test;

/**
 * Texts train as hashed word features on the MLP, and the flipped labels rank high: 300 texts of 3
 * topics with their own words, 10% of the labels flipped.
 */
class TextTrainingTest {

  @Test
  void flippedTextLabelsRankHigh() {
    SyntheticTexts texts = SyntheticTexts.generate(300, 3, 0.1, 11);
    LabeledImages data =
        TextFeaturizer.standard().featurize(texts.texts(), texts.labels(), texts.topics());
    TrainingOptions options =
        TrainingOptions.builder()
            .epochs(8)
            .batchSize(32)
            .seed(5)
            .device(DeviceChoice.CPU)
            .model(ModelKind.MLP)
            .build();

    TrainingResult result =
        new NoiseTrainingPipeline().train(data, options, TrainingProgress.none());
    NoiseReport report =
        NoiseReport.compute(result.dynamics(), ScorerRegistry.forDynamics(result.dynamics()));

    double auroc = NoiseFixture.auroc(report.ensemble().scores(), texts.flipped());
    assertThat(auroc).isGreaterThan(0.95); // 0.997 when written
    assertThat(report.methods()).extracting(m -> m.method()).contains("knn");
  }
}
