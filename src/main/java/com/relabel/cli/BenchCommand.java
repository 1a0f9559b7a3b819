package com.relabel.cli;

import com.relabel.bench.BenchmarkTable;
import com.relabel.bench.NoiseBenchmark;
import com.relabel.dataset.BundledMnist;
import com.relabel.dataset.EncodedTable;
import com.relabel.dataset.FeaturizedTexts;
import com.relabel.dataset.IdxReader;
import com.relabel.dataset.LabeledImages;
import com.relabel.engine.TrainingOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code java -jar relabel.jar bench [options]}: the noise-detection benchmark of docs/methods.md
 * ("Evaluation") on IDX files, or on the bundled MNIST when none are given; prints one Markdown
 * table and writes it (or CSV, for a {@code .csv} name) to {@code --out}.
 */
public final class BenchCommand {

  static final String USAGE =
      """
      Usage: relabel bench [options]
        --images FILE --labels FILE            training set in IDX (default: bundled MNIST 60k)
        --text FILE       instead of images: a text CSV or JSONL (text,label), trained on the MLP
                          without an end-to-end test set
        --text-features F encoder | hashed | both (default both; see relabel score)
        --table FILE      instead of images: a feature table CSV, trained on the MLP, with
                          --label-column, --id-column, --categorical as for relabel score
        --test-images FILE --test-labels FILE  test set for the end-to-end accuracies
                                               (default: bundled MNIST 10k with the default data;
                                               none with --images, which skips end to end)
        --noise KIND      symmetric | asymmetric | instance | none (default symmetric); instance:
                          flip what a 1-epoch model confuses, to the class it confuses it with
        --rate R          noise rate in [0, 1] (default 0.2)
        --transitions F   asymmetric flips, lines "from,to" (default MNIST 7->1 2->7 3->8 5->6 6->5)
        --seed S          seeds the noise and the training (default 42)
        --epochs N        epochs of the main run (default 8)
        --folds K         cross-validation folds for out-of-sample probabilities, 0 = none (default 4)
        --fold-epochs N   epochs of each fold's model (default 6)
        --eval-epochs N   epochs of each end-to-end model (default: --epochs; 0 skips end to end)
        --robust          train the main run in the robust mode (neighbour mixing)
        --rounds N        cleaning rounds: train again without the suspects (default 1, as score)
        --batch-size B    mini-batch size (default 128)
        --min-steps N     fewest optimiser steps of the model and of each fold: a small set
                          trains with a smaller batch and more epochs (default 400, 0 = off)
        --model M         cnn | wide-cnn | lenet | resnet | mlp (default cnn; wide-cnn has twice
                          the filters and several times the CPU time; lenet is the earlier
                          default; resnet is for colour photos up to 128x128)
        --augment A       none | crop | crop-mirror: random crops (and left-right mirrors) of
                          colour images while training (default none)
        --device D        auto | cpu | gpu (default auto)
        --limit N         use only the first N training samples
        --latent-epochs N epochs of the supervised VAE for the 'aquavs' method, 0 = off (default 0)
        --out FILE        also write the table: Markdown, or CSV if FILE ends in .csv
        --scores-out FILE also write every sample's scores, true label and probabilities (CSV)
        --aum-threshold   one more training pass with threshold samples: AUM cut-off, flagged
                          count, precision and recall of the flagged set
      """;

  private final PrintStream out;

  BenchCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs the command; returns the process exit code. */
  public static int run(String[] args) {
    return new BenchCommand(System.out).execute(args);
  }

  int execute(String[] args) {
    return new Usage("relabel bench", USAGE).run(args, BenchArguments::parse, this::execute);
  }

  private int execute(BenchArguments a) {
    try {
      var noise = a.noiseSpec();
      LabeledImages train;
      LabeledImages test;
      String name;
      FeaturizedTexts texts = null;
      float[][] tableRows = null;
      if (a.table() != null) {
        EncodedTable table = EncodedTable.read(a.table(), a.tableOptions());
        train = table.features();
        tableRows = table.vectors();
        test = null;
        name = a.table().getFileName() + " (table)";
        out.printf("Read %,d rows as %,d features%n", train.count(), train.width());
      } else if (a.text() != null) {
        long t0 = System.nanoTime();
        texts = FeaturizedTexts.read(a.text(), a.textFeatures());
        train = texts.features();
        test = null;
        name = a.text().getFileName() + " (" + a.textFeatures().id() + ")";
        out.printf(
            Locale.ROOT,
            "Read %,d texts as %,d features (%s) in %.1f s%n",
            train.count(),
            train.width(),
            a.textFeatures().id(),
            (System.nanoTime() - t0) / 1e9);
      } else if (a.images() == null) {
        train = BundledMnist.train();
        test = BundledMnist.test();
        name = "MNIST (bundled)";
      } else {
        train = IdxReader.read(a.images(), a.labels(), null);
        test =
            a.testImages() == null
                ? null
                : IdxReader.read(a.testImages(), a.testLabels(), train.numClasses());
        name = a.images().getFileName().toString();
      }
      float[][] neighbourSpace =
          tableRows != null ? tableRows : texts == null ? null : texts.vectors();
      if (a.limit() != null && a.limit() < train.count()) {
        train = train.head(a.limit());
        neighbourSpace =
            neighbourSpace == null ? null : java.util.Arrays.copyOf(neighbourSpace, a.limit());
      }
      TrainingArguments training = a.training();
      var options =
          training.fitted(
              training
                  .trainingOptions()
                  .softTargetMomentum(TrainingOptions.DEFAULT_SOFT_TARGET_MOMENTUM)
                  .robust(a.robust()),
              train.count());
      if (a.evalEpochs() == 0) {
        test = null;
      }
      var settings =
          new NoiseBenchmark.Settings(noise, training.seed(), options, Math.max(1, a.evalEpochs()));
      NoiseBenchmark.Result result =
          new NoiseBenchmark(out)
              .withScoresOut(a.scoresOut())
              .withNeighbourSpace(neighbourSpace)
              .run(train, test, name, settings);
      String table = BenchmarkTable.markdown(result);
      out.println();
      out.print(table);
      if (a.out() != null) {
        boolean csv = a.out().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        write(a.out(), csv ? BenchmarkTable.csv(result) : table);
        out.println("Wrote " + a.out());
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("relabel bench: " + e.getMessage());
      return 1;
    }
  }

  private static void write(Path target, String text) throws IOException {
    ReplacedFile.write(target, ".tmp", tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
  }
}
