package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.relabel.dataset.LabeledImages;
import org.junit.jupiter.api.Test;

/** The networks for images: the default, its wide variant and the earlier default (LeNet). */
class WideCnnTest {

  @Test
  void namesParseWithDashOrUnderscore() {
    assertThat(ModelKind.parse("wide-cnn")).isEqualTo(ModelKind.WIDE_CNN);
    assertThat(ModelKind.parse("WIDE_CNN")).isEqualTo(ModelKind.WIDE_CNN);
    assertThat(ModelKind.WIDE_CNN.key()).isEqualTo("wide_cnn");
  }

  @Test
  void hasTwiceTheFiltersOfTheDefault() {
    assertThat(convolutionFilters(ModelKind.WIDE_CNN)).containsExactly(32L, 64L);
    assertThat(convolutionFilters(ModelKind.CNN)).containsExactly(16L, 32L);
    assertThat(convolutionFilters(ModelKind.LENET)).containsExactly(16L, 32L);
  }

  @Test
  void theDefaultNormalisesBatchesAndTheEarlierDefaultDoesNot() {
    assertThat(batchNormLayers(ModelKind.CNN)).isEqualTo(2);
    assertThat(batchNormLayers(ModelKind.WIDE_CNN)).isEqualTo(2);
    assertThat(batchNormLayers(ModelKind.LENET)).isZero();
    assertThat(ModelKind.parse("lenet")).isEqualTo(ModelKind.LENET);
  }

  /**
   * Evaluation mode is deterministic (batch norm's running statistics, no dropout), so the recorded
   * dynamics do not depend on the batch an image is inferred in.
   */
  @Test
  void infersTheSameProbabilitiesInAnyBatch() {
    LabeledImages data = MnistFixture.train().head(64);
    TrainingOptions options =
        TrainingOptions.builder().epochs(2).batchSize(16).seed(5).device(DeviceChoice.CPU).build();
    ImageClassifierTrainer trainer = new ImageClassifierTrainer();
    int[] all = java.util.stream.IntStream.range(0, 64).toArray();
    int[] one = {7};

    float[][] inBatch =
        trainer.trainAndPredict(data, all, data, all, options, TrainingProgress.none());
    float[][] alone =
        trainer.trainAndPredict(data, all, data, one, options, TrainingProgress.none());

    assertThat(alone[0]).usingComparatorWithPrecision(1e-5f).containsExactly(inBatch[7]);
  }

  @Test
  void learnsMnistAndRecordsDynamics() {
    LabeledImages data = MnistFixture.train().head(300);
    TrainingOptions options =
        TrainingOptions.builder()
            .epochs(3)
            .batchSize(32)
            .seed(11)
            .device(DeviceChoice.CPU)
            .model(ModelKind.WIDE_CNN)
            .build();

    TrainingResult result =
        new ImageClassifierTrainer().train(data, options, TrainingProgress.none());

    assertThat(result.epochs().get(2).trainLoss()).isLessThan(result.epochs().get(0).trainLoss());
    assertThat(result.dynamics().embeddings()[0]).hasSize(ClassifierNetwork.EMBEDDING_SIZE);
  }

  /** How many batch normalisation layers the network has. */
  private static long batchNormLayers(ModelKind kind) {
    ClassifierNetwork network = kind.create(10, 28, 28);
    try (Model model = Model.newInstance("norms")) {
      Block block = network.network();
      model.setBlock(block);
      block.initialize(
          model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, 28, 28));
      return block.getParameters().keys().stream().filter(k -> k.endsWith("runningMean")).count();
    }
  }

  /** The number of output channels of each convolution, in order. */
  private static java.util.List<Long> convolutionFilters(ModelKind kind) {
    ClassifierNetwork network = kind.create(10, 28, 28);
    try (Model model = Model.newInstance("filters")) {
      Block block = network.network();
      model.setBlock(block);
      block.initialize(
          model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, 28, 28));
      return block.getParameters().stream()
          .map(Pair::getValue)
          .filter(
              p -> p.getType() == Parameter.Type.WEIGHT && p.getArray().getShape().dimension() == 4)
          .map(p -> p.getArray().getShape().get(0))
          .toList();
    }
  }
}
