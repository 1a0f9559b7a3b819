package com.relabel.cli;

import static com.relabel.cli.OptionValues.atLeast;

import com.relabel.bench.NoiseSpec;
import com.relabel.dataset.TableOptions;
import com.relabel.dataset.TextFeatures;
import com.relabel.engine.ModelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The parsed options of {@code relabel bench}. */
record BenchArguments(
    Path images,
    Path labels,
    Path testImages,
    Path testLabels,
    NoiseSpec.Kind noise,
    double rate,
    Path transitions,
    int evalEpochs,
    Integer limit,
    Path out,
    boolean robust,
    Path scoresOut,
    Path text,
    TextFeatures textFeatures,
    Path table,
    TableOptions tableOptions,
    TrainingArguments training) {

  /** The switch that trains the main run in the robust mode. */
  static final String ROBUST = "--robust";

  private static final Set<String> FLAGS =
      TrainingArguments.flagsWith(
          Set.of(
              "--images",
              "--labels",
              "--test-images",
              "--test-labels",
              "--noise",
              "--rate",
              "--transitions",
              "--eval-epochs",
              "--limit",
              "--out",
              "--scores-out",
              "--text",
              "--text-features",
              "--table",
              "--label-column",
              "--id-column",
              "--categorical"));

  static BenchArguments parse(String[] args) {
    Options o = Options.parse(args, FLAGS, Set.of(TrainingArguments.AUM_THRESHOLD, ROBUST));
    Path images = o.path("--images");
    Path labels = o.path("--labels");
    Path testImages = o.path("--test-images");
    Path testLabels = o.path("--test-labels");
    NoiseSpec.Kind noise = o.get("--noise", (f, v) -> noise(v), NoiseSpec.Kind.SYMMETRIC);
    double rate = o.get("--rate", (f, v) -> rate(v), 0.2);
    Path transitions = o.path("--transitions");
    Integer evalEpochs = o.get("--eval-epochs", (f, v) -> (int) atLeast(f, v, 0), null);
    Integer limit = o.get("--limit", OptionValues::positive, null);
    Path out = o.path("--out");
    Path text = o.path("--text");
    Path table = o.path("--table");
    if (table != null && text != null) {
      throw new IllegalArgumentException("--table and --text are two kinds of data: give one");
    }
    Path vectors = table != null ? table : text; // a table is checked as texts are: MLP, no images
    TrainingArguments training =
        TrainingArguments.parse(o, vectors == null ? ModelKind.CNN : ModelKind.MLP);
    Path scoresOut = o.path("--scores-out");
    TextFeatures textFeatures =
        o.get("--text-features", (f, v) -> TextFeatures.of(v), TextFeatures.standard());
    String flag = table != null ? "--table" : "--text";
    if (vectors != null && (images != null || testImages != null)) {
      throw new IllegalArgumentException(flag + " replaces --images, --labels and the test set");
    }
    if (vectors != null && training.model() != ModelKind.MLP) {
      throw new IllegalArgumentException(
          flag + " trains the mlp; --model " + training.model().key() + " needs images");
    }
    if (vectors != null && noise == NoiseSpec.Kind.INSTANCE) {
      throw new IllegalArgumentException(
          "--noise instance copies an image model's confusions; with "
              + flag
              + " use symmetric, asymmetric or none");
    }
    if ((images == null) != (labels == null)) {
      throw new IllegalArgumentException("--images and --labels go together");
    }
    if ((testImages == null) != (testLabels == null)) {
      throw new IllegalArgumentException("--test-images and --test-labels go together");
    }
    if (images == null && testImages != null) {
      throw new IllegalArgumentException("--test-images needs --images and --labels");
    }
    if (transitions != null && noise != NoiseSpec.Kind.ASYMMETRIC) {
      throw new IllegalArgumentException("--transitions needs --noise asymmetric");
    }
    return new BenchArguments(
        images,
        labels,
        testImages,
        testLabels,
        noise,
        noise == NoiseSpec.Kind.NONE ? 0 : rate,
        transitions,
        evalEpochs == null ? training.epochs() : evalEpochs,
        limit,
        out,
        o.has(ROBUST),
        scoresOut,
        text,
        textFeatures,
        table,
        ScoreArguments.tableOptions(o),
        training);
  }

  /** The noise to inject; asymmetric without a file uses the MNIST table. */
  NoiseSpec noiseSpec() throws IOException {
    return switch (noise) {
      case NONE -> NoiseSpec.none();
      case SYMMETRIC -> NoiseSpec.symmetric(rate);
      case INSTANCE -> NoiseSpec.instanceDependent(rate);
      case ASYMMETRIC ->
          NoiseSpec.asymmetric(
              rate,
              transitions == null ? NoiseSpec.MNIST_TRANSITIONS : readTransitions(transitions));
    };
  }

  /** Lines {@code from,to}; blank lines and lines starting with {@code #} are skipped. */
  static Map<Integer, Integer> readTransitions(Path file) throws IOException {
    Map<Integer, Integer> table = new LinkedHashMap<>();
    int number = 0;
    for (String raw : Files.readAllLines(file)) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(",");
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        int from = Integer.parseInt(parts[0].strip());
        int to = Integer.parseInt(parts[1].strip());
        if (table.put(from, to) != null) {
          throw new IllegalArgumentException(
              file + " line " + number + ": class " + from + " has two targets");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            file + " line " + number + ": expected \"from,to\", found \"" + line + "\"");
      }
    }
    if (table.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no transition");
    }
    return table;
  }

  private static NoiseSpec.Kind noise(String value) {
    try {
      return NoiseSpec.Kind.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--noise must be symmetric, asymmetric, instance or none, not " + value);
    }
  }

  private static double rate(String value) {
    try {
      double r = Double.parseDouble(value);
      if (r >= 0 && r <= 1) {
        return r;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--rate must be a number in [0, 1], not " + value);
  }
}
