package com.relabel.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Which methods flag which samples, so the review screen can show "flagged by loss, aum" and the
 * queue can favour samples several methods agree on.
 *
 * <p>A method flags sample {@code i} when {@code i} is among that method's {@code k} highest
 * scores, where {@code k} is the estimated number of label errors. Every method therefore flags
 * exactly {@code k} samples; ties at the cut-off go to the lower sample index so the result is
 * deterministic. The default {@code k} is {@link #estimatedErrorCount}: the number of samples whose
 * final prediction differs from their given label (cleanlab's simplest "how many issues" estimate;
 * a better estimate, such as confident learning's, can be passed explicitly).
 */
public final class MethodAgreement {

  /** At most this many methods, one bit each in a {@code long} mask. */
  public static final int MAX_METHODS = Long.SIZE;

  private final List<String> methods;
  private final long[] masks;
  private final int k;

  private MethodAgreement(List<String> methods, long[] masks, int k) {
    this.methods = methods;
    this.masks = masks;
    this.k = k;
  }

  /** The number of samples whose final-epoch argmax differs from the given label. */
  public static int estimatedErrorCount(TrainingDynamics dynamics) {
    return Suggestions.finalPrediction(dynamics).disagreementsWith(dynamics.givenLabels());
  }

  /** Agreement with {@code k = estimatedErrorCount(dynamics)}. */
  public static MethodAgreement of(List<MethodScores> methods, TrainingDynamics dynamics) {
    return of(methods, estimatedErrorCount(dynamics));
  }

  /**
   * Agreement where each method flags its top {@code k} samples; {@code O(M n log n)}.
   *
   * @throws IllegalArgumentException if there are no or more than {@value #MAX_METHODS} methods,
   *     their sizes differ, or {@code k} is outside {@code [0, n]}
   */
  public static MethodAgreement of(List<MethodScores> methods, int k) {
    if (methods.isEmpty() || methods.size() > MAX_METHODS) {
      throw new IllegalArgumentException("between 1 and " + MAX_METHODS + " methods expected");
    }
    int n = methods.getFirst().scores().length;
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("k must be in [0, " + n + "], was " + k);
    }
    long[] masks = new long[n];
    List<String> names = new ArrayList<>(methods.size());
    for (int bit = 0; bit < methods.size(); bit++) {
      MethodScores method = methods.get(bit);
      if (method.scores().length != n) {
        throw new IllegalArgumentException(
            method.method() + " does not cover all " + n + " samples");
      }
      names.add(method.method());
      int[] order = Ranking.mostSuspiciousFirst(method.scores());
      for (int rank = 0; rank < k; rank++) {
        masks[order[rank]] |= 1L << bit;
      }
    }
    return new MethodAgreement(List.copyOf(names), masks, k);
  }

  /** How many samples each method flags. */
  public int k() {
    return k;
  }

  /** The method names; method {@code j} is bit {@code j} of {@link #mask}. */
  public List<String> methods() {
    return methods;
  }

  /** The number of samples. */
  public int sampleCount() {
    return masks.length;
  }

  /** Bit {@code j} is set when method {@code j} flags the sample. */
  public long mask(int sample) {
    return masks[sample];
  }

  /** The number of methods flagging the sample. */
  public int flagCount(int sample) {
    return Long.bitCount(masks[sample]);
  }

  /** The names of the methods flagging the sample, in method order. */
  public List<String> flaggedBy(int sample) {
    List<String> flagging = new ArrayList<>(flagCount(sample));
    for (int bit = 0; bit < methods.size(); bit++) {
      if ((masks[sample] & (1L << bit)) != 0) {
        flagging.add(methods.get(bit));
      }
    }
    return flagging;
  }

  /** Whether the named method flags the sample; false for an unknown method. */
  public boolean isFlaggedBy(int sample, String method) {
    int bit = methods.indexOf(method);
    return bit >= 0 && (masks[sample] & (1L << bit)) != 0;
  }
}
