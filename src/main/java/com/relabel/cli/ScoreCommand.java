package com.relabel.cli;

import com.relabel.dataset.EncodedTable;
import com.relabel.dataset.FeaturizedTexts;
import com.relabel.dataset.IdxReader;
import com.relabel.dataset.LabeledImages;
import com.relabel.dataset.OwnEmbeddings;
import com.relabel.dataset.TableOptions;
import com.relabel.dataset.TextFeatures;
import com.relabel.engine.EpochStats;
import com.relabel.engine.ModelKind;
import com.relabel.engine.NoiseTrainingPipeline;
import com.relabel.engine.TrainingProgress;
import com.relabel.engine.TrainingResult;
import com.relabel.scoring.AumCutoff;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.NoiseReport;
import com.relabel.scoring.ScorerRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar relabel.jar score --images F --labels F --out scores.csv [options]}: trains on
 * an IDX dataset (or, without {@code --labels}, an image folder or ZIP) without the web server and
 * writes one row of noise scores per sample.
 */
public final class ScoreCommand {

  static final String USAGE =
      """
      Usage: relabel score --images FILE --labels FILE --out FILE [options]
             relabel score --images DIR|ZIP --out FILE [options]
             relabel score --text FILE --out FILE [options]
             relabel score --table FILE [--label-column NAME] --out FILE [options]
        --images FILE     IDX images (ubyte, 28x28 or any size; raw or .gz), or without
                          --labels an image folder or ZIP: one sub-folder per class, or
                          images plus labels.csv (file,label); rows in sorted path order
        --labels FILE     IDX labels, one per image
        --image-size WxH  image folders: resize every image to this (default: the most
                          common size, at most 64x64)
        --text FILE       instead of --images/--labels: texts with labels, a .csv with a header
                          naming 'text' and 'label' columns or a .jsonl of {"text","label"}
                          objects; trains the MLP on the texts' features (below)
        --text-features F encoder | hashed | both (default both): the pretrained sentence
                          encoder's vectors (neighbours are searched among them), hashed
                          word counts, or both side by side (decision 0038)
        --table FILE      instead of --images/--labels: a feature table, a .csv with a header
                          row; numeric columns standardised, others one-hot (decision 0045);
                          trains the MLP on them, neighbours searched among them
        --label-column C  the table's label column (default label)
        --id-column C     a table column of row ids, not learnt from (default none)
        --categorical C,D table columns of numbers to one-hot encode (codes)
        --embeddings FILE your own model's vectors, one per sample in the order read (.npy
                          n x d, JSON Lines {"sample_index","embedding"} or CSV
                          sample_index,e0,...): the MLP learns from them and neighbours are
                          searched among them instead of the images' or texts' (decision 0044)
        --out FILE        CSV to write: index,given_label,suggested_label,score,<one column per method>
        --epochs N        training epochs (default 8)
        --seed S          random seed (default 42)
        --device D        auto | cpu | gpu (default auto)
        --classes K       number of classes (default: largest label + 1)
        --batch-size B    mini-batch size (default 128)
        --min-steps N     fewest optimiser steps of the model and of each fold: a small set
                          trains with a smaller batch and more epochs (default 400, 0 = off)
        --model M         cnn | wide-cnn | lenet | resnet | mlp (default: resnet for colour
                          images above 32x32, cnn for other images, mlp for --text); wide-cnn
                          has twice the filters and several times the time; lenet is the
                          earlier default, faster and less precise
        --augment A       none | crop | crop-mirror: random crops (and left-right mirrors) of
                          colour images while training (default none)
        --folds K         k-fold cross-validation for out-of-sample probabilities (default 4;
                          0 = off: faster, weaker 'cl', 'margin' and suggestions)
        --fold-epochs N   epochs of each fold's model (default 6)
        --aum-threshold   one more training pass with threshold samples (a fake extra class):
                          adds the column aum_below_cutoff (true = below the data-driven AUM
                          cut-off, probably mislabeled)
        --latent-epochs N epochs of the supervised VAE behind the 'aquavs' column (default 0 = off)
        --rounds N        cleaning rounds: train again without the most suspicious samples,
                          0 to 3 (default 1; each costs one more run; 0 for a quick look)
      Every score column: higher = more likely mislabeled. 'score' is the default ensemble,
      led by 'margin' (weight 4) with 'softlabel' (weight 1): docs/methods.md.
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
    return new Usage("relabel score", USAGE).run(args, ScoreArguments::parse, this::execute);
  }

  private int execute(ScoreArguments a) {
    try {
      FeaturizedTexts texts = a.text() == null ? null : readTexts(a.text(), a.textFeatures());
      EncodedTable table = a.table() == null ? null : readTable(a.table(), a.tableOptions());
      LabeledImages data =
          table != null
              ? table.features()
              : texts != null
                  ? texts.features()
                  : a.labels() == null
                      ? ImageFolderScore.read(a.images(), a.imageSize(), out)
                      : IdxReader.read(a.images(), a.labels(), a.classes());
      if (a.text() == null && table == null) {
        out.printf(
            "Read %,d images of %dx%dx%d, %d classes%n",
            data.count(), data.height(), data.width(), data.channels(), data.numClasses());
      }
      float[][] neighbourSpace =
          table != null ? table.vectors() : texts == null ? null : texts.vectors();
      if (a.embeddings() != null) {
        float[][] vectors = OwnEmbeddings.read(a.embeddings(), data.count());
        data = OwnEmbeddings.asFeatures(vectors, data.labels(), data.numClasses());
        neighbourSpace = vectors;
        out.printf(
            "Read %,d vectors of %d numbers from %s: the MLP learns from them%n",
            data.count(), data.width(), a.embeddings().getFileName());
      }
      TrainingArguments training = a.training();
      var options =
          training.fitted(
              training
                  .trainingOptions()
                  .model(
                      training.model() != null
                          ? training.model()
                          : ModelKind.defaultFor(data.channels(), data.height(), data.width())),
              data.count());
      TrainingResult result =
          new NoiseTrainingPipeline()
              .withNeighbourSpace(neighbourSpace)
              .train(
                  data,
                  options,
                  progress(
                      options.epochs(),
                      options.folds() * options.foldEpochs(),
                      training.rounds(),
                      training.latentEpochs()));
      NoiseReport report =
          NoiseReport.compute(result.dynamics(), ScorerRegistry.forDynamics(result.dynamics()));
      write(a.out(), data.labels(), report, result.aumThreshold());
      if (result.aumThreshold() != null) {
        out.printf(
            Locale.ROOT,
            "AUM cut-off %.4f (%,d threshold samples): %,d samples below%n",
            result.aumThreshold().cutoff(),
            result.aumThreshold().thresholdCount(),
            result.aumThreshold().flaggedCount());
      }
      out.printf(
          "Wrote %s: %,d rows; about %,d label errors estimated (device %s)%n",
          a.out(), data.count(), report.estimatedErrors(), result.device());
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("relabel score: " + e.getMessage());
      return 1;
    }
  }

  /** A feature table encoded; the labels in the CSV are class indexes, listed here. */
  private EncodedTable readTable(Path file, TableOptions options) throws IOException {
    EncodedTable table = EncodedTable.read(file, options);
    out.printf(
        "Read %,d rows, %d classes (label = class index: %s); training the MLP on %,d features%n",
        table.features().count(),
        table.features().numClasses(),
        classList(table.classNames()),
        table.features().width());
    return table;
  }

  /** Texts as features; the labels in the CSV are class indexes, listed here. */
  private FeaturizedTexts readTexts(Path file, TextFeatures kind) throws IOException {
    long t0 = System.nanoTime();
    FeaturizedTexts texts = FeaturizedTexts.read(file, kind);
    LabeledImages data = texts.features();
    out.printf(
        Locale.ROOT,
        "Read %,d texts, %d classes (label = class index: %s); training the MLP on %,d features"
            + " (%s, made in %.1f s)%n",
        data.count(),
        data.numClasses(),
        classList(texts.classNames()),
        data.width(),
        kind.id(),
        (System.nanoTime() - t0) / 1e9);
    return texts;
  }

  private static String classList(List<String> names) {
    var s = new StringBuilder();
    for (int k = 0; k < names.size() && k < 20; k++) {
      s.append(k == 0 ? "" : ", ").append(k).append(" = ").append(names.get(k));
    }
    return names.size() > 20 ? s.append(", ...").toString() : s.toString();
  }

  /**
   * Labels the epochs: main run and cross-validation (again per cleaning round), the VAE, then the
   * AUM threshold pass.
   */
  private TrainingProgress progress(
      int mainEpochs, int crossValidationEpochs, int rounds, int latentEpochs) {
    int cycle = mainEpochs + crossValidationEpochs;
    return new TrainingProgress() {
      private int seen;

      @Override
      public void onEpoch(EpochStats s) {
        seen++;
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
      }

      private String stage() {
        int trained = (rounds + 1) * cycle;
        if (seen <= trained) {
          int round = (seen - 1) / cycle;
          String prefix = round == 0 ? "" : " (cleaning round " + round + ")";
          return (seen - 1) % cycle < mainEpochs ? prefix : prefix + " (cross-validation)";
        }
        return seen <= trained + latentEpochs ? " (VAE)" : " (AUM threshold pass)";
      }
    };
  }

  /** Writes to a temporary file first, so a failure never leaves a half-written CSV behind. */
  static void write(Path target, int[] given, NoiseReport report) throws IOException {
    write(target, given, report, null);
  }

  /** With {@code aumCutoff}, a last column {@code aum_below_cutoff} (true/false) per row. */
  static void write(Path target, int[] given, NoiseReport report, AumCutoff aumCutoff)
      throws IOException {
    ReplacedFile.write(
        target,
        ".csv.tmp",
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            List<MethodScores> methods = report.methods();
            w.write("index,given_label,suggested_label,score");
            for (MethodScores m : methods) {
              w.write("," + m.method());
            }
            w.write(aumCutoff == null ? "\n" : ",aum_below_cutoff\n");
            MethodScores ensemble = report.ensemble();
            var line = new StringBuilder();
            for (int i = 0; i < given.length; i++) {
              line.setLength(0);
              line.append(i).append(',').append(given[i]).append(',');
              line.append(ensemble.suggestedLabels()[i]).append(',').append(ensemble.scores()[i]);
              for (MethodScores m : methods) {
                line.append(',').append(m.scores()[i]);
              }
              if (aumCutoff != null) {
                line.append(',').append(aumCutoff.isBelow(i));
              }
              w.write(line.append('\n').toString());
            }
          }
        });
  }
}
