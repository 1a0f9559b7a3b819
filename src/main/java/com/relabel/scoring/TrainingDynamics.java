package com.relabel.scoring;

/**
 * What a model's training recorded for every sample: the input of every noise-scoring method.
 *
 * <p>Arrays indexed {@code [epoch][sample]} hold one value per sample after each epoch (inference
 * over the whole training set with the weights at the end of that epoch). Arrays indexed {@code
 * [sample][...]} hold the final epoch only.
 *
 * @param givenLabels the label each sample was trained with (possibly wrong), in {@code [0, K)}
 * @param numClasses K
 * @param probGiven softmax probability of the given label, {@code p_e(y_i | x_i)}
 * @param predicted argmax class after each epoch
 * @param margin logit margin {@code z_e(y_i) - max_{k != y_i} z_e(k)}
 * @param loss cross-entropy loss {@code -log p_e(y_i | x_i)}
 * @param finalProbabilities the full softmax vector after the last epoch, {@code [sample][class]}
 * @param embeddings penultimate-layer representation after the last epoch, {@code [sample][dim]};
 *     may be {@code null} when the model does not expose one
 * @param embeddingNormsSquared {@code ||h_e(x_i)||^2} after each epoch, {@code [epoch][sample]}
 *     (for self-influence over checkpoints); may be {@code null}
 * @param heldOutProbabilities out-of-sample softmax vectors from k-fold cross-validation, {@code
 *     [sample][class]} (for confident learning); may be {@code null}
 * @param softTargets progressively corrected soft labels {@code t_i <- a t_i + (1 - a) p_i} after
 *     the last epoch, {@code [sample][class]}; may be {@code null}
 * @param latentMeans the latent means {@code mu(x_i)} of a supervised VAE trained on the given
 *     labels (for the AQUAVS score, docs/methods.md, "aquavs"), {@code [sample][dim]}; may be
 *     {@code null}
 */
public record TrainingDynamics(
    int[] givenLabels,
    int numClasses,
    float[][] probGiven,
    int[][] predicted,
    float[][] margin,
    float[][] loss,
    float[][] finalProbabilities,
    float[][] embeddings,
    float[][] embeddingNormsSquared,
    float[][] heldOutProbabilities,
    float[][] softTargets,
    float[][] latentMeans) {

  /**
   * These dynamics with other {@code embeddings}, say a pretrained encoder's vectors of the same
   * samples, so that the neighbours are searched among those instead of the model's own.
   *
   * @throws IllegalArgumentException when they do not cover every sample
   */
  public TrainingDynamics withEmbeddings(float[][] replacement) {
    return toBuilder().embeddings(replacement).build();
  }

  /** These dynamics with {@code heldOut} as their out-of-sample probabilities. */
  public TrainingDynamics withHeldOutProbabilities(float[][] heldOut) {
    return toBuilder().heldOutProbabilities(heldOut).build();
  }

  /** These dynamics with {@code means} as their VAE latent means. */
  public TrainingDynamics withLatentMeans(float[][] means) {
    return toBuilder().latentMeans(means).build();
  }

  /** A builder with nothing set: the optional components stay {@code null} unless set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these dynamics. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Checks that every array covers every epoch and sample. */
  public TrainingDynamics {
    int n = givenLabels.length;
    int epochs = probGiven.length;
    if (epochs == 0) {
      throw new IllegalArgumentException("dynamics need at least one epoch");
    }
    if (predicted.length != epochs || margin.length != epochs || loss.length != epochs) {
      throw new IllegalArgumentException("every per-epoch array must have " + epochs + " epochs");
    }
    for (int e = 0; e < epochs; e++) {
      if (probGiven[e].length != n
          || predicted[e].length != n
          || margin[e].length != n
          || loss[e].length != n) {
        throw new IllegalArgumentException("epoch " + e + " does not cover all " + n + " samples");
      }
    }
    if (finalProbabilities.length != n) {
      throw new IllegalArgumentException("final probabilities must cover all " + n + " samples");
    }
    if (embeddings != null && embeddings.length != n) {
      throw new IllegalArgumentException("embeddings must cover all " + n + " samples");
    }
    if (embeddingNormsSquared != null
        && (embeddingNormsSquared.length != epochs || embeddingNormsSquared[0].length != n)) {
      throw new IllegalArgumentException("embedding norms must cover every epoch and sample");
    }
    if (heldOutProbabilities != null && heldOutProbabilities.length != n) {
      throw new IllegalArgumentException("held-out probabilities must cover all " + n + " samples");
    }
    if (softTargets != null && softTargets.length != n) {
      throw new IllegalArgumentException("soft targets must cover all " + n + " samples");
    }
    if (latentMeans != null) {
      if (latentMeans.length != n) {
        throw new IllegalArgumentException("latent means must cover all " + n + " samples");
      }
      for (float[] row : latentMeans) {
        if (row.length != latentMeans[0].length) {
          throw new IllegalArgumentException("every latent mean must have the same dimensions");
        }
      }
    }
  }

  /**
   * Dynamics of one "epoch" from a model trained elsewhere: its class probabilities (treated as
   * out-of-sample, for confident learning) and optionally its embeddings (for kNN). The margin is
   * taken between log-probabilities, which equals the logit margin, as softmax shifts all logits of
   * a sample by the same amount. Probabilities are floored at 1e-7 for the logarithms.
   *
   * @param probabilities {@code [sample][class]}, each row summing to 1
   * @param embeddings {@code [sample][dim]}, or null
   */
  public static TrainingDynamics fromPredictions(
      int[] givenLabels, int numClasses, float[][] probabilities, float[][] embeddings) {
    int n = givenLabels.length;
    float[] probGiven = new float[n];
    int[] predicted = new int[n];
    float[] margin = new float[n];
    float[] loss = new float[n];
    for (int i = 0; i < n; i++) {
      float[] p = probabilities[i];
      int y = givenLabels[i];
      int best = 0;
      float other = -1;
      for (int k = 0; k < numClasses; k++) {
        if (p[k] > p[best]) {
          best = k;
        }
        if (k != y && p[k] > other) {
          other = p[k];
        }
      }
      probGiven[i] = p[y];
      predicted[i] = best;
      double logGiven = Math.log(Math.max(p[y], 1e-7));
      margin[i] = (float) (logGiven - Math.log(Math.max(other, 1e-7)));
      loss[i] = (float) -logGiven;
    }
    return builder()
        .givenLabels(givenLabels)
        .numClasses(numClasses)
        .probGiven(new float[][] {probGiven})
        .predicted(new int[][] {predicted})
        .margin(new float[][] {margin})
        .loss(new float[][] {loss})
        .finalProbabilities(probabilities)
        .embeddings(embeddings)
        .heldOutProbabilities(probabilities)
        .build();
  }

  /** The number of samples, n. */
  public int sampleCount() {
    return givenLabels.length;
  }

  /** The number of recorded epochs, E. */
  public int epochCount() {
    return probGiven.length;
  }

  /**
   * Dynamics one component at a time, so that a new component is one more setter rather than one
   * more constructor; {@link #build()} checks that the arrays agree.
   */
  public static final class Builder {
    private int[] givenLabels;
    private int numClasses;
    private float[][] probGiven;
    private int[][] predicted;
    private float[][] margin;
    private float[][] loss;
    private float[][] finalProbabilities;
    private float[][] embeddings;
    private float[][] embeddingNormsSquared;
    private float[][] heldOutProbabilities;
    private float[][] softTargets;
    private float[][] latentMeans;

    private Builder() {}

    private Builder(TrainingDynamics from) {
      givenLabels = from.givenLabels;
      numClasses = from.numClasses;
      probGiven = from.probGiven;
      predicted = from.predicted;
      margin = from.margin;
      loss = from.loss;
      finalProbabilities = from.finalProbabilities;
      embeddings = from.embeddings;
      embeddingNormsSquared = from.embeddingNormsSquared;
      heldOutProbabilities = from.heldOutProbabilities;
      softTargets = from.softTargets;
      latentMeans = from.latentMeans;
    }

    public Builder givenLabels(int[] value) {
      givenLabels = value;
      return this;
    }

    public Builder numClasses(int value) {
      numClasses = value;
      return this;
    }

    public Builder probGiven(float[][] value) {
      probGiven = value;
      return this;
    }

    public Builder predicted(int[][] value) {
      predicted = value;
      return this;
    }

    public Builder margin(float[][] value) {
      margin = value;
      return this;
    }

    public Builder loss(float[][] value) {
      loss = value;
      return this;
    }

    public Builder finalProbabilities(float[][] value) {
      finalProbabilities = value;
      return this;
    }

    public Builder embeddings(float[][] value) {
      embeddings = value;
      return this;
    }

    public Builder embeddingNormsSquared(float[][] value) {
      embeddingNormsSquared = value;
      return this;
    }

    public Builder heldOutProbabilities(float[][] value) {
      heldOutProbabilities = value;
      return this;
    }

    public Builder softTargets(float[][] value) {
      softTargets = value;
      return this;
    }

    public Builder latentMeans(float[][] value) {
      latentMeans = value;
      return this;
    }

    public TrainingDynamics build() {
      return new TrainingDynamics(
          givenLabels,
          numClasses,
          probGiven,
          predicted,
          margin,
          loss,
          finalProbabilities,
          embeddings,
          embeddingNormsSquared,
          heldOutProbabilities,
          softTargets,
          latentMeans);
    }
  }
}
