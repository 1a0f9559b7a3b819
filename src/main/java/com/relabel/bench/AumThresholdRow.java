package com.relabel.bench;

import com.relabel.scoring.AumCutoff;
import java.util.Objects;

/**
 * How the AUM pass with threshold samples did against the injected truth, in the two treatments of
 * the threshold samples (decision 0015): judged by their main-run AUM against the same cut-off (the
 * product's choice), or left unflagged.
 *
 * @param cutoff the 99th percentile of the threshold samples' AUM
 * @param thresholdSamples how many samples were relabelled to the fake class
 * @param flagged samples below the cut-off, threshold samples judged by the main run
 * @param precision share of {@code flagged} whose label was flipped; NaN when none is flagged
 * @param recall share of the flipped samples that are flagged; NaN when none was flipped
 * @param flaggedWithoutThreshold samples below the cut-off, threshold samples left unflagged
 * @param precisionWithoutThreshold precision of that set
 * @param recallWithoutThreshold recall of that set
 * @param seconds wall time of the pass
 */
public record AumThresholdRow(
    double cutoff,
    int thresholdSamples,
    int flagged,
    double precision,
    double recall,
    int flaggedWithoutThreshold,
    double precisionWithoutThreshold,
    double recallWithoutThreshold,
    double seconds) {

  /** Judges {@code cut} against {@code wrong} (the flipped samples). */
  public static AumThresholdRow of(AumCutoff cut, boolean[] wrong, double seconds) {
    Objects.requireNonNull(cut, "cut");
    if (wrong.length != cut.sampleCount()) {
      throw new IllegalArgumentException("truth and cut-off cover different samples");
    }
    int flipped = 0;
    int all = 0;
    int hits = 0;
    int allOut = 0;
    int hitsOut = 0;
    for (int i = 0; i < wrong.length; i++) {
      flipped += wrong[i] ? 1 : 0;
      if (cut.isBelow(i)) {
        all++;
        hits += wrong[i] ? 1 : 0;
        if (!cut.thresholdSample()[i]) {
          allOut++;
          hitsOut += wrong[i] ? 1 : 0;
        }
      }
    }
    return new AumThresholdRow(
        cut.cutoff(),
        cut.thresholdCount(),
        all,
        ratio(hits, all),
        ratio(hits, flipped),
        allOut,
        ratio(hitsOut, allOut),
        ratio(hitsOut, flipped),
        seconds);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
