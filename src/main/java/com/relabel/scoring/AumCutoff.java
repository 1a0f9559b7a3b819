package com.relabel.scoring;

/**
 * The outcome of an AUM pass with threshold samples ({@link AumThreshold}).
 *
 * @param cutoff the {@code percentile}-th percentile of the threshold samples' AUM
 * @param percentile the percentile used, in {@code [0, 100]}
 * @param thresholdSample which samples were threshold samples (relabelled to the fake class)
 * @param below which samples are below the cut-off, i.e. flagged as probably mislabeled
 * @param passAum every sample's AUM in the pass (threshold samples: of the fake class)
 */
public record AumCutoff(
    double cutoff,
    double percentile,
    boolean[] thresholdSample,
    boolean[] below,
    double[] passAum) {

  public AumCutoff {
    if (below.length != thresholdSample.length || passAum.length != thresholdSample.length) {
      throw new IllegalArgumentException("every array must cover every sample");
    }
  }

  /** The number of samples judged. */
  public int sampleCount() {
    return below.length;
  }

  /** The number of threshold samples. */
  public int thresholdCount() {
    return count(thresholdSample);
  }

  /** The number of samples below the cut-off. */
  public int flaggedCount() {
    return count(below);
  }

  /** Whether sample {@code i} is below the cut-off. */
  public boolean isBelow(int i) {
    return below[i];
  }

  private static int count(boolean[] flags) {
    int c = 0;
    for (boolean f : flags) {
      c += f ? 1 : 0;
    }
    return c;
  }
}
