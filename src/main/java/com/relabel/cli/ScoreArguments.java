package com.relabel.cli;

import static com.relabel.cli.OptionValues.deviceChoice;
import static com.relabel.cli.OptionValues.parseLong;

import com.relabel.dataset.ImageSizePolicy;
import com.relabel.dataset.TableOptions;
import com.relabel.dataset.TextFeatures;
import com.relabel.engine.Augmentation;
import com.relabel.engine.DeviceChoice;
import com.relabel.engine.MinimumSteps;
import com.relabel.engine.ModelKind;
import com.relabel.engine.TrainingOptions;
import java.nio.file.Path;
import java.util.Set;

/**
 * The parsed options of {@code relabel score}. {@code model} is null for images given without
 * {@code --model}: the command picks the network by their shape ({@code ModelKind.defaultFor}).
 */
record ScoreArguments(
    Path images,
    Path labels,
    Path out,
    int epochs,
    long seed,
    DeviceChoice device,
    Integer classes,
    int batchSize,
    int folds,
    ImageSizePolicy imageSize,
    boolean aumThreshold,
    Path text,
    int latentEpochs,
    int rounds,
    ModelKind model,
    int foldEpochs,
    TextFeatures textFeatures,
    Path embeddings,
    Path table,
    TableOptions tableOptions,
    Augmentation augmentation,
    MinimumSteps minimumSteps)
    implements TrainingArguments {

  /** The switch that adds the AUM pass with threshold samples and the aum_below_cutoff column. */
  static final String AUM_THRESHOLD = "--aum-threshold";

  /**
   * Cleaning rounds unless told otherwise: one. It lifts heavy systematic noise most (decision
   * 0019). A second round helped the earlier, weaker network (decision 0024); with the default
   * {@code SmallCnn} it bought little on Fashion-MNIST with 30% look-alike flips (AUROC 0.9605 with
   * one round, 0.9619 with two), lost on instance-dependent noise (0.8840 against 0.8752) and costs
   * a third more time, so the default network's run stays within 15 minutes on all of MNIST
   * (decision 0029).
   */
  static final int DEFAULT_ROUNDS = 1;

  /**
   * Epochs of the main run unless told otherwise: eight fit the hard clean samples that four or
   * five leave among the suspects (docs/benchmarks.md: on MNIST 20% symmetric noise precision at k
   * 0.9880 -> 0.9908, 40% asymmetric AUROC 0.9784 -> 0.9923, with one cleaning round each).
   */
  static final int DEFAULT_EPOCHS = 8;

  /** Epochs of the supervised VAE behind the aquavs column unless told otherwise. */
  static final int DEFAULT_LATENT_EPOCHS = 0;

  private static final Set<String> FLAGS =
      Set.of(
          "--images",
          "--labels",
          "--out",
          "--epochs",
          "--seed",
          "--device",
          "--classes",
          "--batch-size",
          "--min-steps",
          "--folds",
          "--image-size",
          "--text",
          "--text-features",
          "--latent-epochs",
          "--rounds",
          "--model",
          "--fold-epochs",
          "--embeddings",
          "--table",
          "--label-column",
          "--id-column",
          "--categorical",
          "--augment");

  static ScoreArguments parse(String[] args) {
    Options o = Options.parse(args, FLAGS, Set.of(AUM_THRESHOLD));
    Path images = o.path("--images");
    Path labels = o.path("--labels");
    Path out = o.path("--out");
    int epochs = o.get("--epochs", OptionValues::positive, DEFAULT_EPOCHS);
    long seed = o.get("--seed", OptionValues::parseLong, 42L);
    DeviceChoice device = o.get("--device", (f, v) -> deviceChoice(v), DeviceChoice.AUTO);
    Integer classes = o.get("--classes", OptionValues::positive, null);
    int batchSize = o.get("--batch-size", OptionValues::positive, 128);
    int folds = o.get("--folds", (f, v) -> (int) parseLong(f, v), 4);
    int foldEpochs =
        o.get("--fold-epochs", OptionValues::positive, TrainingOptions.DEFAULT_FOLD_EPOCHS);
    int latentEpochs =
        o.get("--latent-epochs", (f, v) -> (int) parseLong(f, v), DEFAULT_LATENT_EPOCHS);
    if (latentEpochs < 0 || latentEpochs > 100) {
      throw new IllegalArgumentException(
          "--latent-epochs must be 0 (off) to 100, not " + latentEpochs);
    }
    int rounds = o.get("--rounds", (f, v) -> (int) parseLong(f, v), DEFAULT_ROUNDS);
    if (rounds < 0 || rounds > 3) {
      throw new IllegalArgumentException("--rounds must be 0 (none) to 3, not " + rounds);
    }
    Path text = o.path("--text");
    ModelKind model = o.get("--model", (f, v) -> ModelKind.parse(v), null);
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
    if ((text != null || embeddings != null) && model != null && model != ModelKind.MLP) {
      throw new IllegalArgumentException(
          (table != null ? "--table" : text != null ? "--text" : "--embeddings")
              + " trains the mlp; --model "
              + model.key()
              + " needs images");
    }
    if (model == null && (text != null || embeddings != null)) {
      model = ModelKind.MLP; // images without --model: ScoreCommand picks by their shape
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
    if (folds == 1 || folds < 0 || folds > 20) {
      throw new IllegalArgumentException("--folds must be 0 (off) or 2 to 20, not " + folds);
    }
    return new ScoreArguments(
        images,
        labels,
        out,
        epochs,
        seed,
        device,
        classes,
        batchSize,
        folds,
        imageSize,
        o.has(AUM_THRESHOLD),
        table != null ? null : text,
        latentEpochs,
        rounds,
        model,
        foldEpochs,
        textFeatures,
        embeddings,
        table,
        tableOptions,
        o.get("--augment", (f, v) -> Augmentation.parse(v), Augmentation.NONE),
        TrainingArguments.minimumSteps(o));
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
