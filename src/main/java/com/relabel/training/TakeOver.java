package com.relabel.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a finished run measures up against the run that ranks the queue, on what Relabel can measure
 * (decision 0026): the held-out accuracy, and agreement with the reviewers' corrections that both
 * runs scored and neither trained on. A finished run takes over by itself only when it is not worse
 * on any measure both have; it is worse on a measure when it trails by more than chance explains:
 *
 * <ul>
 *   <li><b>held-out accuracy</b> (both held samples out): the active run's accuracy exceeds the
 *       candidate's by more than {@value #MIN_ACCURACY_GAP} and by more than twice the standard
 *       error of the difference of two proportions, {@code sqrt(p(1-p)(1/n1 + 1/n2))} with {@code
 *       p} the pooled accuracy;
 *   <li><b>corrections</b> (at least one in common): of the corrections exactly one of the two runs
 *       suggests the corrected label for, the active run has {@code b}, the candidate {@code c},
 *       and {@code b - c > 2 sqrt(b + c)} (McNemar's test, about 2 % one-sided).
 * </ul>
 *
 * With no active run the candidate takes over; with no measure in common it takes over too (nothing
 * shows it worse), as every run did before.
 *
 * @param candidateId the finished run
 * @param activeId the run that ranks the queue, or null when none does
 * @param candidateAccuracy the candidate's held-out accuracy, or null when it held nothing out
 * @param candidateHeldOut samples the candidate held out
 * @param activeAccuracy the active run's held-out accuracy, or null
 * @param activeHeldOut samples the active run held out
 * @param corrections samples reviewers corrected after both runs read their labels, scored by both
 * @param candidateAgreed of those, how many the candidate suggests the corrected label for
 * @param activeAgreed of those, how many the active run suggests the corrected label for
 * @param onlyCandidateAgreed corrections the candidate agrees with and the active run does not
 * @param onlyActiveAgreed corrections the active run agrees with and the candidate does not
 */
public record TakeOver(
    long candidateId,
    Long activeId,
    Double candidateAccuracy,
    int candidateHeldOut,
    Double activeAccuracy,
    int activeHeldOut,
    int corrections,
    int candidateAgreed,
    int activeAgreed,
    int onlyCandidateAgreed,
    int onlyActiveAgreed) {

  /** The smallest held-out accuracy gap that can make a run worse, however many samples. */
  public static final double MIN_ACCURACY_GAP = 0.005;

  /** The verdict for a dataset's first run: nothing to compare with, it takes over. */
  static TakeOver firstRun(long candidateId) {
    return new TakeOver(candidateId, null, null, 0, null, 0, 0, 0, 0, 0, 0);
  }

  /** Whether both runs have a held-out accuracy. */
  public boolean heldOutInCommon() {
    return activeId != null
        && candidateAccuracy != null
        && activeAccuracy != null
        && candidateHeldOut > 0
        && activeHeldOut > 0;
  }

  /** Whether reviewers corrected at least one sample that both runs scored without training on. */
  public boolean correctionsInCommon() {
    return activeId != null && corrections > 0;
  }

  /**
   * The held-out accuracy gap that is more than chance: {@code max(MIN_ACCURACY_GAP, 2 SE)}; NaN
   * when the runs have no held-out accuracy in common.
   */
  public double accuracyTolerance() {
    if (!heldOutInCommon()) {
      return Double.NaN;
    }
    double pooled =
        (candidateAccuracy * candidateHeldOut + activeAccuracy * activeHeldOut)
            / (candidateHeldOut + activeHeldOut);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / candidateHeldOut + 1.0 / activeHeldOut));
    return Math.max(MIN_ACCURACY_GAP, 2 * se);
  }

  /** Whether the candidate's held-out accuracy trails the active run's by more than chance. */
  public boolean worseOnHeldOut() {
    return heldOutInCommon() && activeAccuracy - candidateAccuracy > accuracyTolerance();
  }

  /** Whether the active run agrees with more of the common corrections by more than chance. */
  public boolean worseOnCorrections() {
    if (!correctionsInCommon()) {
      return false;
    }
    int b = onlyActiveAgreed;
    int c = onlyCandidateAgreed;
    return b - c > 2 * Math.sqrt(b + c);
  }

  /** Whether the candidate becomes the active ranking by itself. */
  public boolean takesOver() {
    return activeId == null || (!worseOnHeldOut() && !worseOnCorrections());
  }

  /**
   * Why the candidate does not take over, e.g. "held-out accuracy 0.810 < active run #3's 0.870";
   * empty when it does.
   */
  public Optional<String> reason() {
    if (takesOver()) {
      return Optional.empty();
    }
    List<String> worse = new ArrayList<>();
    if (worseOnHeldOut()) {
      worse.add(
          String.format(
              Locale.ROOT,
              "held-out accuracy %.3f < active run #%d's %.3f",
              candidateAccuracy,
              activeId,
              activeAccuracy));
    }
    if (worseOnCorrections()) {
      worse.add(
          String.format(
              Locale.ROOT,
              "agrees with %,d of %,d reviewers' corrections < active run #%d's %,d",
              candidateAgreed,
              corrections,
              activeId,
              activeAgreed));
    }
    return Optional.of(String.join("; ", worse));
  }

  /** "0.870 (of 600)" for the candidate's held-out accuracy, or "none". */
  public String candidateHeldOutText() {
    return accuracy(candidateAccuracy, candidateHeldOut);
  }

  /** As {@link #candidateHeldOutText()}, for the active run. */
  public String activeHeldOutText() {
    return accuracy(activeAccuracy, activeHeldOut);
  }

  /** "25 of 40", or "none yet" when there are no corrections in common. */
  public String candidateAgreedText() {
    return agreed(candidateAgreed);
  }

  /** As {@link #candidateAgreedText()}, for the active run. */
  public String activeAgreedText() {
    return agreed(activeAgreed);
  }

  private static String accuracy(Double accuracy, int heldOut) {
    return accuracy == null || heldOut == 0
        ? "none"
        : String.format(Locale.ROOT, "%.3f (of %,d)", accuracy, heldOut);
  }

  private String agreed(int agreed) {
    return corrections == 0 ? "none yet" : "%,d of %,d".formatted(agreed, corrections);
  }
}
