package com.relabel.scoring;

/**
 * kNN label disagreement in representation space: score = the share of a sample's {@code k} nearest
 * neighbours (by cosine similarity of the final-epoch embeddings, the sample itself excluded) whose
 * given label differs from the sample's given label.
 *
 * <p>Representations of one true class stay together even when labels are noisy, so a mislabeled
 * sample sits among samples of its true class, whose labels disagree with its own (see
 * docs/methods.md, "knn"; the neighbourhood idea follows Bahri, Jiang and Gupta, "Deep k-NN for
 * Noisy Labels", ICML 2020). The suggestion is the neighbours' majority label with its share of the
 * votes; equal vote counts go to the label of the nearer neighbour.
 *
 * <p>Neighbours: {@link Neighbours}, searched here or, from {@link ScorerRegistry#forDynamics},
 * once for the whole run and passed in.
 */
public final class KnnDisagreementScorer implements NoiseScorer {

  /** The registry name. */
  public static final String NAME = "knn";

  /** The default number of neighbours. */
  public static final int DEFAULT_K = Neighbours.DEFAULT_K;

  private final int k;
  private final int threads;

  /** Neighbours searched beforehand; null to search while scoring. */
  private final Neighbours searched;

  /** {@value #DEFAULT_K} neighbours, one thread per available processor. */
  public KnnDisagreementScorer() {
    this(DEFAULT_K, Runtime.getRuntime().availableProcessors());
  }

  /**
   * {@code k} neighbours searched by {@code threads} threads (the result does not depend on it).
   *
   * @throws IllegalArgumentException if {@code k} or {@code threads} is below 1
   */
  public KnnDisagreementScorer(int k, int threads) {
    if (k < 1 || threads < 1) {
      throw new IllegalArgumentException("k and threads must be >= 1, were " + k + ", " + threads);
    }
    this.k = k;
    this.threads = threads;
    this.searched = null;
  }

  /**
   * Scores by neighbours searched beforehand among the embeddings of the dynamics it will score, so
   * that a caller who keeps them too searches once: {@link ScorerRegistry#forDynamics} makes it so.
   */
  public KnnDisagreementScorer(Neighbours neighbours) {
    this.k = neighbours.sampleCount() == 0 ? DEFAULT_K : neighbours.k();
    this.threads = 1;
    this.searched = neighbours;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean appliesTo(TrainingDynamics dynamics) {
    return dynamics.embeddings() != null;
  }

  /** The number of neighbours. */
  public int k() {
    return k;
  }

  /**
   * Scores every sample by its neighbours' label disagreement.
   *
   * @throws IllegalArgumentException if the dynamics carry no embeddings
   */
  @Override
  public MethodScores score(TrainingDynamics dynamics) {
    float[][] embeddings = dynamics.embeddings();
    if (embeddings == null) {
      throw new IllegalArgumentException(
          "the knn method needs embeddings, but these training dynamics have none");
    }
    int[] given = dynamics.givenLabels();
    int n = given.length;
    int[][] neighbours = neighbours(embeddings);
    double[] scores = new double[n];
    int[] suggested = new int[n];
    double[] share = new double[n];
    for (int i = 0; i < n; i++) {
      int[] near = neighbours[i];
      if (near.length == 0) {
        suggested[i] = given[i];
        continue;
      }
      int disagreeing = 0;
      int bestLabel = -1;
      int bestVotes = 0;
      for (int a = 0; a < near.length; a++) {
        int label = given[near[a]];
        if (label != given[i]) {
          disagreeing++;
        }
        int votes = 0;
        for (int b = 0; b < near.length; b++) {
          votes += given[near[b]] == label ? 1 : 0;
        }
        if (votes > bestVotes) {
          bestVotes = votes;
          bestLabel = label;
        }
      }
      scores[i] = (double) disagreeing / near.length;
      suggested[i] = bestLabel;
      share[i] = (double) bestVotes / near.length;
    }
    return new MethodScores(NAME, scores, suggested, share);
  }

  /** The neighbours searched beforehand, checked against the embeddings, or a search of them. */
  private int[][] neighbours(float[][] embeddings) {
    if (searched == null) {
      return Neighbours.search(embeddings, k, threads).indices();
    }
    if (searched.sampleCount() != embeddings.length) {
      throw new IllegalArgumentException(
          "neighbours of "
              + searched.sampleCount()
              + " samples were given for dynamics of "
              + embeddings.length);
    }
    return searched.indices();
  }
}
