package com.relabel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.bench.NoiseBenchmark.Result;
import com.relabel.dataset.LabeledImages;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.TrainingOptions;
import com.relabel.flow.TestDatasets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark end to end on a few hundred MNIST images, one epoch per model. */
class NoiseBenchmarkTest {

  private static final TrainingOptions ONE_EPOCH =
      TrainingOptions.builder()
          .epochs(1)
          .batchSize(32)
          .seed(3)
          .device(DeviceChoice.CPU)
          .folds(2, 1)
          .build();

  @Test
  void reportsEveryMethodWithSensibleValues() {
    LabeledImages all = TestDatasets.mnist(600);
    LabeledImages train = all.head(400);
    LabeledImages test = slice(all, 400, 600);
    var log = new ByteArrayOutputStream();

    Result r =
        new NoiseBenchmark(new PrintStream(log))
            .run(
                train,
                test,
                "mnist-600",
                new NoiseBenchmark.Settings(NoiseSpec.symmetric(0.2), 5, ONE_EPOCH, 1));

    assertThat(r.flipped()).isEqualTo(80);
    assertThat(r.k()).isEqualTo(80);
    List<String> names = new ArrayList<>();
    r.methods().forEach(m -> names.add(m.method()));
    List<String> expected = new ArrayList<>(List.of("ensemble"));
    expected.addAll(
        List.of(
            "loss",
            "confidence",
            "correctness",
            "aum",
            "cl",
            "margin",
            "gmm",
            "influence",
            "knn",
            "softlabel"));
    assertThat(names).isEqualTo(expected);
    for (MethodRow m : r.methods()) {
      assertThat(m.auroc()).as(m.method()).isBetween(0.0, 1.0);
      assertThat(m.averagePrecision()).isBetween(0.0, 1.0);
      assertThat(m.precisionAtK()).isBetween(0.0, 1.0).isEqualTo(m.recallAtK());
      assertThat(m.suggestionAccuracy()).isBetween(0.0, 1.0);
      assertThat(m.scoringMillis()).isNotNegative();
      assertThat(m.peakHeapBytes()).isPositive();
    }
    // one epoch on 400 images already separates 20% flips from the rest
    assertThat(r.methods().getFirst().auroc()).isGreaterThan(0.7);
    assertThat(r.crossValidationSeconds()).isPositive();
    var e = r.endToEnd();
    for (double accuracy : new double[] {e.noisy(), e.topKRemoved(), e.topKReplaced(), e.clean()}) {
      assertThat(accuracy).isBetween(0.0, 1.0);
    }
    assertThat(r.reviews()).extracting(ReviewYield::reviews).containsExactly(80, 100, 400);
    assertThat(r.reviews().get(0).errorsFound()).isBetween(0, 80);

    String markdown = BenchmarkTable.markdown(r);
    assertThat(markdown).contains("| ensemble | ", "| loss | ", "| clean (upper bound) | ");
    assertThat(BenchmarkTable.csv(r).lines())
        .contains(
            "run,noise,flipped,80", "reviews,80,errors_found," + r.reviews().get(0).errorsFound());
    assertThat(log.toString()).contains("2-fold cross-validation took");
  }

  @Test
  void withoutNoiseOrTestSetTheMetricsAreLeftOpen() {
    Result r =
        new NoiseBenchmark(new PrintStream(new ByteArrayOutputStream()))
            .run(
                TestDatasets.mnist(120),
                null,
                "mnist-120",
                new NoiseBenchmark.Settings(
                    NoiseSpec.none(), 5, ONE_EPOCH.toBuilder().folds(0, 1).build(), 1));

    assertThat(r.flipped()).isZero();
    assertThat(r.methods().getFirst().auroc()).isNaN();
    assertThat(r.endToEnd().clean()).isNaN();
    assertThat(r.reviews()).extracting(ReviewYield::errorsFound).containsOnly(0);
    assertThat(BenchmarkTable.markdown(r))
        .contains("End to end: not run")
        .doesNotContain("epochs per model");
  }

  @Test
  void annotatorYieldCountsErrorsAtEachDepth() {
    boolean[] wrong = new boolean[1500];
    int[] queue = new int[1500];
    for (int i = 0; i < queue.length; i++) {
      queue[i] = i;
      wrong[i] = i % 2 == 0;
    }

    var yields = DetectionMeasures.reviews(queue, wrong, 100);

    assertThat(yields).containsExactly(new ReviewYield(100, 50), new ReviewYield(1000, 500));
    assertThat(yields.get(0).per100()).isEqualTo(50.0);
  }

  @Test
  void describesAsymmetricNoise() {
    NoiseSpec spec = NoiseSpec.asymmetric(0.4, NoiseSpec.MNIST_TRANSITIONS);

    assertThat(spec.describe()).isEqualTo("asymmetric 40% (2->7, 3->8, 5->6, 6->5, 7->1)");
    int[] noisy = spec.inject(new int[] {7, 7, 7, 7, 7, 0}, 10, 1).noisy();
    assertThat(java.util.Arrays.stream(noisy).filter(label -> label == 1).count()).isEqualTo(2);
    assertThat(noisy[5]).isZero();
    assertThat(NoiseSpec.symmetric(0.125).describe()).isEqualTo("symmetric 12.50%");
  }

  private static LabeledImages slice(LabeledImages data, int from, int to) {
    int size = data.sampleSize();
    byte[] pixels = new byte[(to - from) * size];
    System.arraycopy(data.pixels(), from * size, pixels, 0, pixels.length);
    int[] labels = java.util.Arrays.copyOfRange(data.labels(), from, to);
    return new LabeledImages(
        to - from, data.height(), data.width(), data.channels(), pixels, labels, data.numClasses());
  }
}
