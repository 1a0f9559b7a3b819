package com.relabel.bench;

import static com.relabel.bench.NoiseBenchmark.progress;
import static com.relabel.bench.NoiseBenchmark.seconds;

import com.relabel.bench.NoiseBenchmark.EndToEnd;
import com.relabel.bench.NoiseBenchmark.Settings;
import com.relabel.dataset.LabeledImages;
import com.relabel.engine.ImageClassifierTrainer;
import com.relabel.engine.ModelKind;
import com.relabel.engine.TrainingOptions;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.NoisyLabels;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The models a {@link NoiseBenchmark} trains besides the one it scores: the weak model whose
 * confusions instance-dependent noise copies, and the end-to-end models whose test accuracy says
 * what cleaning the labels is worth.
 */
final class ComparisonModels {

  private final PrintStream log;

  ComparisonModels(PrintStream log) {
    this.log = log;
  }

  /**
   * The probabilities of a weak model, whose confusions instance-dependent noise copies: a {@link
   * ModelKind#LENET} after {@link NoiseSpec#WEAK_MODEL_EPOCHS} epoch(s) on the clean labels,
   * predicting every sample. The weak model is fixed, whatever network is benchmarked, so that the
   * noise, and with it the figures of different networks, stay comparable.
   */
  float[][] weakModel(LabeledImages train, Settings s) {
    long t0 = System.nanoTime();
    TrainingOptions weak =
        s.training().toBuilder()
            .epochs(NoiseSpec.WEAK_MODEL_EPOCHS)
            .model(ModelKind.LENET)
            .folds(0, 1)
            .seed(s.noiseSeed() + 7919)
            .build();
    int[] all = range(train.count());
    float[][] p =
        new ImageClassifierTrainer()
            .trainAndPredict(train, all, train, all, weak, progress(log, "weak model"));
    log.printf(Locale.ROOT, "weak model for instance-dependent noise: %.1f s%n", seconds(t0));
    return p;
  }

  /**
   * Test accuracy of models trained on the noisy labels, without the queue's top {@code k}, with
   * the top {@code k} replaced by the ensemble's suggestions, and on the clean labels.
   */
  EndToEnd endToEnd(
      LabeledImages train,
      NoisyLabels noisy,
      LabeledImages test,
      int[] queue,
      MethodScores ensemble,
      int k,
      Settings s) {
    TrainingOptions eval = s.training().toBuilder().epochs(s.evalEpochs()).folds(0, 1).build();
    int n = train.count();
    int[] all = range(n);
    double onNoisy = testAccuracy(train.withLabels(noisy.noisy()), all, test, eval, "noisy");
    double removed = Double.NaN;
    double replaced = Double.NaN;
    if (k > 0 && k < n) {
      boolean[] dropped = new boolean[n];
      int[] corrected = noisy.noisy().clone();
      for (int j = 0; j < k; j++) {
        dropped[queue[j]] = true;
        corrected[queue[j]] = ensemble.suggestedLabels()[queue[j]];
      }
      int[] kept = new int[n - k];
      int at = 0;
      for (int i = 0; i < n; i++) {
        if (!dropped[i]) {
          kept[at++] = i;
        }
      }
      LabeledImages noisyData = train.withLabels(noisy.noisy());
      removed = testAccuracy(noisyData, kept, test, eval, "top-k removed");
      replaced = testAccuracy(train.withLabels(corrected), all, test, eval, "top-k replaced");
    }
    double clean = testAccuracy(train, all, test, eval, "clean");
    return new EndToEnd(onNoisy, removed, replaced, clean, s.evalEpochs());
  }

  private double testAccuracy(
      LabeledImages data, int[] indices, LabeledImages test, TrainingOptions eval, String what) {
    long t0 = System.nanoTime();
    float[][] p =
        new ImageClassifierTrainer()
            .trainAndPredict(data, indices, test, range(test.count()), eval, progress(log, what));
    int correct = 0;
    for (int i = 0; i < p.length; i++) {
      int best = 0;
      for (int c = 1; c < p[i].length; c++) {
        best = p[i][c] > p[i][best] ? c : best;
      }
      correct += best == test.labels()[i] ? 1 : 0;
    }
    double accuracy = (double) correct / p.length;
    log.printf(
        Locale.ROOT,
        "end to end, %s labels: test accuracy %.4f (%.1f s)%n",
        what,
        accuracy,
        seconds(t0));
    return accuracy;
  }

  static int[] range(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }
}
