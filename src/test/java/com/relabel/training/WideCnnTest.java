package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.relabel.dataset.LabeledImages;
import org.junit.jupiter.api.Test;

/** The wide CNN: twice the filters of the default one, same embedding, and it learns. */
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
  }

  @Test
  void learnsMnistAndRecordsDynamics() {
    LabeledImages data = MnistFixture.train().head(300);
    TrainingOptions options =
        new TrainingOptions(3, 32, 1e-3f, 11, DeviceChoice.CPU).withModel(ModelKind.WIDE_CNN);

    TrainingResult result =
        new ImageClassifierTrainer().train(data, options, TrainingProgress.none());

    assertThat(result.epochs().get(2).trainLoss()).isLessThan(result.epochs().get(0).trainLoss());
    assertThat(result.dynamics().embeddings()[0]).hasSize(ClassifierNetwork.EMBEDDING_SIZE);
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
