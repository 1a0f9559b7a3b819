package com.relabel.scoring;

import java.util.SplittableRandom;

/**
 * Times the exact kNN search on random data (not a test): {@code java -cp
 * target/classes:target/test-classes com.relabel.scoring.KnnTiming [n] [dim] [threads]}.
 */
final class KnnTiming {

  private KnnTiming() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
    int dim = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    SplittableRandom random = new SplittableRandom(7);
    float[][] embeddings = new float[n][dim];
    for (float[] row : embeddings) {
      for (int d = 0; d < dim; d++) {
        row[d] = (float) random.nextDouble();
      }
    }
    long start = System.nanoTime();
    int[][] neighbours = Neighbours.search(embeddings, 10, threads).indices();
    double seconds = (System.nanoTime() - start) / 1e9;
    long checksum = 0;
    for (int[] row : neighbours) {
      checksum = checksum * 31 + row[0];
    }
    System.out.printf(
        "kNN n=%d dim=%d k=10 threads=%d: %.2f s (checksum %d)%n",
        n, dim, threads, seconds, checksum);
  }
}
