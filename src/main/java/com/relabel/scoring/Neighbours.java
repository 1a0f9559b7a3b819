package com.relabel.scoring;

/**
 * The {@code k} nearest neighbours of every sample in an embedding space, nearest first, searched
 * once and handed to whoever needs them: the knn method scores by them ({@link
 * KnnDisagreementScorer}), a run keeps them for the review view, robust training mixes with them.
 * Equal similarities keep the lower index first; a sample is never its own neighbour.
 *
 * @param indices {@code [sample][rank]}; every row has {@code min(k, n - 1)} entries (not copied:
 *     treat as read-only)
 */
public record Neighbours(int[][] indices) {

  /** The number of neighbours kept for every sample, unless there are fewer other samples. */
  public static final int DEFAULT_K = 10;

  /**
   * The exact {@code min(k, n - 1)} nearest neighbours of every row by cosine similarity (see
   * {@link NeighbourSearch}); an all-zero row has similarity 0 to everything.
   *
   * @param embeddings {@code [sample][dim]}, every row of the same length
   * @param threads worker threads; the result does not depend on it
   * @throws IllegalArgumentException if the rows differ in length
   */
  public static Neighbours search(float[][] embeddings, int k, int threads) {
    return new Neighbours(NeighbourSearch.search(embeddings, k, threads));
  }

  /**
   * The {@value #DEFAULT_K} nearest neighbours of every sample among the dynamics' embeddings, one
   * thread per processor; {@code null} when the dynamics carry no embeddings.
   */
  public static Neighbours of(TrainingDynamics dynamics) {
    return dynamics.embeddings() == null
        ? null
        : search(dynamics.embeddings(), DEFAULT_K, Runtime.getRuntime().availableProcessors());
  }

  public int sampleCount() {
    return indices.length;
  }

  /** Neighbours per sample (0 for a single sample). */
  public int k() {
    return indices.length == 0 ? 0 : indices[0].length;
  }
}
