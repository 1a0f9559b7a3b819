package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.relabel.dataset.LabeledImages;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The residual network for colour photos (decision 0046). */
class SmallResNetTest {

  @Test
  void isAModelChoiceByName() {
    assertThat(ModelKind.parse("resnet")).isEqualTo(ModelKind.RESNET);
    assertThat(ModelKind.parse("ResNet")).isEqualTo(ModelKind.RESNET);
    assertThat(ModelKind.RESNET.key()).isEqualTo("resnet");
  }

  @Test
  void isTheDefaultForColourImagesAbove32PixelsOnly() {
    assertThat(ModelKind.defaultFor(3, 64, 64)).isEqualTo(ModelKind.RESNET);
    assertThat(ModelKind.defaultFor(3, 128, 96)).isEqualTo(ModelKind.RESNET);
    assertThat(ModelKind.defaultFor(3, 32, 32)).isEqualTo(ModelKind.CNN);
    assertThat(ModelKind.defaultFor(1, 128, 128)).isEqualTo(ModelKind.CNN);
  }

  /** Global pooling: the same embedding width and one logit per class at every size. */
  @ParameterizedTest
  @ValueSource(ints = {8, 32, 64, 100, 128})
  void givesAnEmbeddingOf128AndOneLogitPerClassAtEverySize(int side) {
    ClassifierNetwork network = ModelKind.RESNET.create(7, side, side);
    try (Model model = Model.newInstance("shapes");
        NDManager manager = NDManager.newBaseManager()) {
      Block block = network.network();
      model.setBlock(block);
      Shape input = new Shape(2, 3, side, side);
      block.initialize(model.getNDManager(), DataType.FLOAT32, input);
      Shape[] embedding = network.embedding().getOutputShapes(new Shape[] {input});
      Shape[] logits = block.getOutputShapes(new Shape[] {input});
      assertThat(embedding[0]).isEqualTo(new Shape(2, ClassifierNetwork.EMBEDDING_SIZE));
      assertThat(logits[0]).isEqualTo(new Shape(2, 7));
      var out =
          block.forward(
              new ParameterStore(manager, false),
              new ai.djl.ndarray.NDList(manager.ones(input)),
              false);
      assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(2, 7));
    }
  }

  /** Stem, two convolutions in each of three blocks, and two 1x1 shortcuts, all normalised. */
  @Test
  void normalisesEveryConvolution() {
    ClassifierNetwork network = ModelKind.RESNET.create(10, 64, 64);
    try (Model model = Model.newInstance("norms")) {
      Block block = network.network();
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 64, 64));
      long norms =
          block.getParameters().keys().stream().filter(k -> k.endsWith("runningMean")).count();
      assertThat(norms).isEqualTo(1 + 3 * 2 + 2);
    }
  }

  @Test
  void aTinyColourRunLowersTheLossAndRecordsEmbeddings() {
    LabeledImages data = colourBlobs(96, 32, 3);
    TrainingOptions options =
        TrainingOptions.builder()
            .epochs(3)
            .batchSize(16)
            .seed(3)
            .device(DeviceChoice.CPU)
            .model(ModelKind.RESNET)
            .augmentation(Augmentation.CROP_AND_MIRROR)
            .build();

    TrainingResult result =
        new ImageClassifierTrainer().train(data, options, TrainingProgress.none());

    assertThat(result.epochs().get(2).trainLoss()).isLessThan(result.epochs().get(0).trainLoss());
    assertThat(result.dynamics().embeddings()[0]).hasSize(ClassifierNetwork.EMBEDDING_SIZE);
  }

  /**
   * {@code count} RGB images of {@code side} pixels in {@code classes} classes: class c is a square
   * of its own colour (red, green, blue) at a random place on grey noise.
   */
  static LabeledImages colourBlobs(int count, int side, int classes) {
    Random random = new Random(1);
    byte[] pixels = new byte[count * side * side * 3];
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % classes;
      int y0 = random.nextInt(side / 2);
      int x0 = random.nextInt(side / 2);
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          boolean inside = y >= y0 && y < y0 + side / 2 && x >= x0 && x < x0 + side / 2;
          for (int c = 0; c < 3; c++) {
            int v = inside ? (c == labels[i] ? 220 : 30) : 100 + random.nextInt(50);
            pixels[((i * side + y) * side + x) * 3 + c] = (byte) v;
          }
        }
      }
    }
    return new LabeledImages(count, side, side, 3, pixels, labels, classes);
  }
}
