package com.relabel.cli;

import com.relabel.dataset.IdxReader;
import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.NoiseReport;
import com.relabel.scoring.ScorerRegistry;
import com.relabel.training.EpochStats;
import com.relabel.training.NoiseTrainingPipeline;
import com.relabel.training.TrainingOptions;
import com.relabel.training.TrainingProgress;
import com.relabel.training.TrainingResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar relabel.jar score --images F --labels F --out scores.csv [options]}: trains on
 * an IDX dataset without the web server and writes one row of noise scores per sample.
 */
public final class ScoreCommand {

  static final String USAGE =
      """
      Usage: relabel score --images FILE --labels FILE --out FILE [options]
        --images FILE     IDX images (ubyte, 28x28 or any size; raw or .gz)
        --labels FILE     IDX labels, one per image
        --out FILE        CSV to write: index,given_label,suggested_label,score,<one column per method>
        --epochs N        training epochs (default 5)
        --seed S          random seed (default 42)
        --device D        auto | cpu | gpu (default auto)
        --classes K       number of classes (default: largest label + 1)
        --batch-size B    mini-batch size (default 128)
        --folds K         k-fold cross-validation for out-of-sample probabilities, 2 epochs per
                          fold (default 4; 0 = off, faster, weaker 'cl' column)
        --latent-epochs N epochs of the supervised VAE behind the 'aquavs' column (default 0 = off)
      Every score column: higher = more likely mislabeled. 'score' is the ensemble of
      loss, confidence, correctness, aum, cl, gmm, influence and knn (and aquavs with
      --latent-epochs).
      """;

  private final PrintStream out;

  ScoreCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs the command; returns the process exit code. */
  public static int run(String[] args) {
    return new ScoreCommand(System.out).execute(args);
  }

  int execute(String[] args) {
    ScoreArguments a;
    try {
      a = ScoreArguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("relabel score: " + e.getMessage());
      System.err.print(USAGE);
      return 2;
    }
    try {
      LabeledImages data = IdxReader.read(a.images(), a.labels(), a.classes());
      out.printf(
          "Read %,d images of %dx%dx%d, %d classes%n",
          data.count(), data.height(), data.width(), data.channels(), data.numClasses());
      var options =
          new TrainingOptions(a.epochs(), a.batchSize(), 1e-3f, a.seed(), a.device())
              .withFolds(a.folds(), TrainingOptions.DEFAULT_FOLD_EPOCHS)
              .withLatentEpochs(a.latentEpochs());
      TrainingResult result =
          new NoiseTrainingPipeline()
              .train(
                  data,
                  options,
                  progress(a.epochs(), a.folds() * TrainingOptions.DEFAULT_FOLD_EPOCHS));
      NoiseReport report =
          NoiseReport.compute(result.dynamics(), ScorerRegistry.forDynamics(result.dynamics()));
      write(a.out(), data.labels(), report);
      out.printf(
          "Wrote %s: %,d rows; about %,d label errors estimated (device %s)%n",
          a.out(), data.count(), report.estimatedErrors(), result.device());
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("relabel score: " + e.getMessage());
      return 1;
    }
  }

  /** Prints each epoch, named by its stage: main run, cross-validation, then the VAE. */
  private TrainingProgress progress(int mainEpochs, int crossValidationEpochs) {
    return new TrainingProgress() {
      private int heard;

      @Override
      public void onEpoch(EpochStats s) {
        out.printf(
            Locale.ROOT,
            "epoch %d/%d%s: train %.1f s, inference %.1f s, %.0f samples/s, loss %.4f%n",
            s.epoch(),
            s.epochs(),
            stage(),
            s.trainSeconds(),
            s.inferenceSeconds(),
            s.samplesPerSecond(),
            s.trainLoss());
        heard++;
      }

      private String stage() {
        if (heard < mainEpochs) {
          return "";
        }
        return heard < mainEpochs + crossValidationEpochs ? " (cross-validation)" : " (VAE)";
      }
    };
  }

  /** Writes to a temporary file first, so a failure never leaves a half-written CSV behind. */
  static void write(Path target, int[] given, NoiseReport report) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".relabel-", ".csv.tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      List<MethodScores> methods = report.methods();
      w.write("index,given_label,suggested_label,score");
      for (MethodScores m : methods) {
        w.write("," + m.method());
      }
      w.write('\n');
      MethodScores ensemble = report.ensemble();
      var line = new StringBuilder();
      for (int i = 0; i < given.length; i++) {
        line.setLength(0);
        line.append(i).append(',').append(given[i]).append(',');
        line.append(ensemble.suggestedLabels()[i]).append(',').append(ensemble.scores()[i]);
        for (MethodScores m : methods) {
          line.append(',').append(m.scores()[i]);
        }
        w.write(line.append('\n').toString());
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
