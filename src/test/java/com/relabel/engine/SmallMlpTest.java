package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.LabeledImages;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The MLP learns feature vectors (1 x d "images" the CNN refuses) and flattened MNIST images. */
class SmallMlpTest {

  private final ImageClassifierTrainer trainer = new ImageClassifierTrainer();

  /** Two well separated classes of 6 features: feature 0 high for class 1, low for class 0. */
  private static LabeledImages featureVectors(int n) {
    Random random = new Random(3);
    byte[] values = new byte[n * 6];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (int f = 0; f < 6; f++) {
        int v = f == 0 ? (labels[i] == 1 ? 200 : 30) + random.nextInt(20) : random.nextInt(256);
        values[i * 6 + f] = (byte) v;
      }
    }
    return new LabeledImages(n, 1, 6, 1, values, labels, 2);
  }

  @Test
  void learnsSeparableFeatureVectorsThatTheCnnRefuses() {
    LabeledImages data = featureVectors(200);
    TrainingOptions options =
        TrainingOptions.builder()
            .epochs(15)
            .batchSize(16)
            .learningRate(1e-2f)
            .seed(5)
            .device(DeviceChoice.CPU)
            .model(ModelKind.MLP)
            .build();

    TrainingResult result = trainer.train(data, options, TrainingProgress.none());

    int last = result.dynamics().epochCount() - 1;
    int right = 0;
    for (int i = 0; i < data.count(); i++) {
      right += result.dynamics().predicted()[last][i] == data.labels()[i] ? 1 : 0;
    }
    assertThat(right).isGreaterThan(190);
    assertThat(result.dynamics().embeddings()[0]).hasSize(ClassifierNetwork.EMBEDDING_SIZE);
    assertThatThrownBy(
            () ->
                trainer.train(
                    data,
                    options.toBuilder().model(ModelKind.CNN).build(),
                    TrainingProgress.none()))
        .hasMessageContaining("at least 8x8");
  }

  @Test
  void trainsOnFlattenedImagesWithCrossValidation() {
    LabeledImages data = MnistFixture.train().head(200);
    TrainingOptions options =
        TrainingOptions.builder()
            .epochs(2)
            .batchSize(32)
            .seed(7)
            .device(DeviceChoice.CPU)
            .folds(2, 1)
            .model(ModelKind.MLP)
            .build();

    TrainingResult result =
        new NoiseTrainingPipeline().train(data, options, TrainingProgress.none());

    assertThat(result.dynamics().heldOutProbabilities()).hasNumberOfRows(200);
    assertThat(result.epochs().get(1).trainLoss()).isLessThan(result.epochs().get(0).trainLoss());
  }

  @Test
  void modelNamesParse() {
    assertThat(ModelKind.parse("mlp")).isEqualTo(ModelKind.MLP);
    assertThat(ModelKind.parse(null)).isEqualTo(ModelKind.CNN);
    assertThatThrownBy(() -> ModelKind.parse("transformer"))
        .hasMessageContaining("known models: cnn, wide-cnn, lenet, resnet, mlp");
  }
}
