package com.relabel.cli;

import com.relabel.dataset.ImageSizePolicy;
import com.relabel.dataset.TableOptions;
import com.relabel.dataset.TextFeatures;
import com.relabel.engine.ModelKind;
import java.nio.file.Path;
import java.util.Set;

/**
 * The parsed options of {@code relabel score}. The training's {@code model} is null for images
 * given without {@code --model}: the command picks the network by their shape ({@code
 * ModelKind.defaultFor}).
 */
record ScoreArguments(
    Path images,
    Path labels,
    Path out,
    Integer classes,
    ImageSizePolicy imageSize,
    Path text,
    TextFeatures textFeatures,
    Path embeddings,
    Path table,
    TableOptions tableOptions,
    TrainingArguments training) {

  /** The upper limits of score's counts; {@link TrainingArguments} refuses those below 0. */
  private static final int MAX_FOLDS = 20;

  private static final int MAX_ROUNDS = 3;

  private static final int MAX_LATENT_EPOCHS = 100;

  private static final Set<String> FLAGS =
      TrainingArguments.flagsWith(
          Set.of(
              "--images",
              "--labels",
              "--out",
              "--classes",
              "--image-size",
              "--text",
              "--text-features",
              "--embeddings",
              "--table",
              "--label-column",
              "--id-column",
              "--categorical"));

  static ScoreArguments parse(String[] args) {
    Options o = Options.parse(args, FLAGS, Set.of(TrainingArguments.AUM_THRESHOLD));
    Path images = o.path("--images");
    Path labels = o.path("--labels");
    Path out = o.path("--out");
    Integer classes = o.get("--classes", OptionValues::positive, null);
    Path text = o.path("--text");
    TextFeatures textFeatures =
        o.get("--text-features", (f, v) -> TextFeatures.of(v), TextFeatures.standard());
    Path embeddings = o.path("--embeddings");
    Path table = o.path("--table");
    TableOptions tableOptions = tableOptions(o);
    if (table != null && text != null) {
      throw new IllegalArgumentException("--table and --text are two kinds of data: give one");
    }
    if (table != null) {
      text = table; // from here on a table is checked as texts are: MLP, no images
    }
    boolean vectors = text != null || embeddings != null;
    // images without --model: ScoreCommand picks by their shape
    TrainingArguments training = TrainingArguments.parse(o, vectors ? ModelKind.MLP : null);
    if (training.latentEpochs() > MAX_LATENT_EPOCHS) {
      throw new IllegalArgumentException(
          "--latent-epochs must be 0 (off) to "
              + MAX_LATENT_EPOCHS
              + ", not "
              + training.latentEpochs());
    }
    if (training.rounds() > MAX_ROUNDS) {
      throw new IllegalArgumentException(
          "--rounds must be 0 (none) to " + MAX_ROUNDS + ", not " + training.rounds());
    }
    if (vectors && training.model() != ModelKind.MLP) {
      throw new IllegalArgumentException(
          (table != null ? "--table" : text != null ? "--text" : "--embeddings")
              + " trains the mlp; --model "
              + training.model().key()
              + " needs images");
    }
    if (text != null && (images != null || labels != null || classes != null)) {
      throw new IllegalArgumentException(
          (table != null ? "--table" : "--text") + " replaces --images, --labels and --classes");
    }
    if (text == null && images == null || out == null) {
      throw new IllegalArgumentException(
          "--out and --images (with --labels for IDX images), --text or --table are required");
    }
    // without --labels, --images is an image folder or ZIP (class folders or a labels.csv)
    ImageSizePolicy imageSize = ImageSizePolicy.parse(o.get("--image-size", (f, v) -> v, null));
    if (classes != null && (classes < 2 || classes > 256)) {
      throw new IllegalArgumentException("--classes must be between 2 and 256, not " + classes);
    }
    if (training.folds() > MAX_FOLDS) {
      throw new IllegalArgumentException(
          "--folds must be 0 (off) or 2 to " + MAX_FOLDS + ", not " + training.folds());
    }
    return new ScoreArguments(
        images,
        labels,
        out,
        classes,
        imageSize,
        table != null ? null : text,
        textFeatures,
        embeddings,
        table,
        tableOptions,
        training);
  }

  /** {@code --label-column}, {@code --id-column} and {@code --categorical} of a feature table. */
  static TableOptions tableOptions(Options o) {
    String marked = o.get("--categorical", (f, v) -> v, "");
    return new TableOptions(
        o.get("--label-column", (f, v) -> v, null),
        o.get("--id-column", (f, v) -> v, null),
        TableOptions.columns(java.util.List.of(marked)));
  }
}
