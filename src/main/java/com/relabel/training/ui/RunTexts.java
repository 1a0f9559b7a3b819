package com.relabel.training.ui;

import com.relabel.training.MeasuredYield;
import com.relabel.training.RunComparison;
import com.relabel.training.RunStatus;
import com.relabel.training.TrainingRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * What the Runs page says about a run, in words and figures: the table's cells and tooltips, a
 * row's details, the active run's yield and the Activate dialog's measures. Plain functions of a
 * run, so tests check the wording without a browser.
 */
final class RunTexts {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private RunTexts() {}

  /**
   * "Expected errors in top 100 / 1,000: 97 / 944. Measured yield: 92 per 100 reviews, 64
   * reviewed." (or "after 50 reviews (12 so far)"); "No expected or measured errors: the run did
   * not succeed." for a failed or cancelled run.
   */
  static String yieldText(TrainingRun run, MeasuredYield measured) {
    String expected = expectedYield(run);
    if (expected.isEmpty() && measured == null) {
      return "No expected or measured errors: the run did not succeed.";
    }
    return (expected.isEmpty()
            ? "Expected errors in top 100 / 1,000: not recorded."
            : "Expected errors in top 100 / 1,000: " + expected + ".")
        + (measured == null ? "" : " Measured yield: " + measured.describe() + ".");
  }

  /** "97 / 944": the wrong labels the run expects in the top 100 / 1,000, or empty when unknown. */
  static String expectedYield(TrainingRun run) {
    if (run.getOutcome().getExpectedErrorsTop100() == null
        || run.getOutcome().getExpectedErrorsTop1000() == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "%,.0f / %,.0f",
        run.getOutcome().getExpectedErrorsTop100(),
        run.getOutcome().getExpectedErrorsTop1000());
  }

  static String agreed(RunComparison c) {
    return c.correctionsBefore() == 0
        ? "no corrections yet"
        : "%,d of %,d".formatted(c.correctionsAgreed(), c.correctionsBefore());
  }

  /**
   * "AUM cut-off -0.42: 1,234 samples below" for a run with the AUM threshold pass, "AUM pass
   * pending" while such a run has not finished, or empty.
   */
  static String aumCutoff(TrainingRun run) {
    if (run.getOutcome().getAumCutoff() == null) {
      return run.getSetup().isAumThresholdPass() && run.getStatus().isActive()
          ? "AUM pass pending"
          : "";
    }
    return String.format(
        Locale.ROOT,
        "AUM cut-off %.2f: %,d samples below",
        run.getOutcome().getAumCutoff(),
        run.getOutcome().getAumFlaggedCount());
  }

  /** "97.1 % of 600", or empty when the run held nothing out (or has not finished). */
  static String heldOut(TrainingRun run) {
    if (run.getHeldOutAccuracy() == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "%.1f %% of %,d",
        100 * run.getHeldOutAccuracy(),
        run.getOutcome().getHeldOutCount() == null ? 0 : run.getOutcome().getHeldOutCount());
  }

  /**
   * "succeeded" for the run that ranks the queue, "finished, not active" for a succeeded one that
   * does not, else the status in lower case.
   */
  static String status(TrainingRun run, boolean ranks) {
    if (run.getStatus() == RunStatus.SUCCEEDED) {
      return ranks ? "succeeded" : "finished, not active";
    }
    return run.getStatus().name().toLowerCase(Locale.ROOT);
  }

  /** "6 Dec 14:03": when the run finished, or was queued while it has not (the tooltip has all). */
  static String when(TrainingRun run) {
    return WHEN.format(run.getFinishedAt() != null ? run.getFinishedAt() : run.getCreatedAt());
  }

  /**
   * "cnn · 5 ep · k 4 · 2 rounds": what tells runs apart at a glance; "43 ep (8 asked)" where the
   * minimum-steps rule trained more epochs than asked (decision 0050).
   */
  static String settingsShort(TrainingRun r) {
    return String.format(
        Locale.ROOT,
        "%s · %s ep%s · k %d%s",
        r.getModel() == null ? "cnn" : r.getModel(),
        r.getEpochs(),
        Objects.equals(r.getEpochs(), r.getSetup().getEpochs())
            ? ""
            : " (" + r.getSetup().getEpochs() + " asked)",
        r.getSetup().getFolds(),
        rounds(r, "round"));
  }

  /**
   * Every setting: "cnn · 5 epochs · batch 64 · lr 0.001 · k 4 · seed 42 · 2 cleaning rounds"; with
   * "8 epochs asked, 43 trained · batch 128 asked, 32 trained (minimum steps, decision 0050)" where
   * the rule changed them.
   */
  static String settingsText(TrainingRun r) {
    boolean raised = !Objects.equals(r.getEpochs(), r.getSetup().getEpochs());
    boolean shrunk = !Objects.equals(r.getBatchSize(), r.getSetup().getBatchSize());
    return String.format(
        "%s · %s · %s · lr %.3g · k %d · seed %s%s%s",
        r.getModel() == null ? "cnn" : r.getModel(),
        raised
            ? r.getSetup().getEpochs() + " epochs asked, " + r.getEpochs() + " trained"
            : r.getEpochs() + " epochs",
        shrunk
            ? "batch " + r.getSetup().getBatchSize() + " asked, " + r.getBatchSize() + " trained"
            : "batch " + r.getBatchSize(),
        r.getSetup().getLearningRate() == null ? Double.NaN : r.getSetup().getLearningRate(),
        r.getSetup().getFolds(),
        r.getSetup().getSeed(),
        rounds(r, "cleaning round"),
        raised || shrunk ? " (minimum steps, decision 0050)" : "");
  }

  /** " · 2 cleaning rounds" (with {@code noun} "cleaning round"), or "" for none. */
  private static String rounds(TrainingRun r, String noun) {
    int rounds = r.getSetup().getCleaningRounds();
    return rounds == 0 ? "" : " · " + rounds + " " + noun + (rounds == 1 ? "" : "s");
  }

  static String methods(TrainingRun r) {
    return r.getSetup().getMethods() == null || r.getSetup().getMethods().isBlank()
        ? "all"
        : r.getSetup().getMethods();
  }

  /** "Queued 2026-01-02 14:03:12, waited 0 min 01 s, took 3 min 10 s on cpu, node web-1". */
  static String timing(TrainingRun r) {
    String device =
        r.getDeviceUsed() != null ? r.getDeviceUsed() : r.getSetup().getDeviceRequested();
    StringBuilder text = new StringBuilder("Queued ").append(TIME.format(r.getCreatedAt()));
    String waited = seconds(r.getCreatedAt(), r.getStartedAt());
    if (!waited.isEmpty()) {
      text.append(", waited ").append(waited);
    }
    String took = seconds(r.getStartedAt(), r.getFinishedAt());
    if (!took.isEmpty()) {
      text.append(", took ").append(took);
    }
    if (device != null) {
      text.append(" on ").append(device);
    }
    if (r.getExecutedBy() != null) {
      text.append(", node ").append(r.getExecutedBy());
    }
    return text.toString();
  }

  /** "97.1 %", or empty when the run held nothing out (or has not finished). */
  static String heldOutShort(TrainingRun run) {
    return run.getHeldOutAccuracy() == null
        ? ""
        : String.format(Locale.ROOT, "%.1f %%", 100 * run.getHeldOutAccuracy());
  }

  /** "92 (64)": wrong labels found per 100 reviews (reviews), "– (12)" before 50 reviews. */
  static String measuredShort(MeasuredYield yield) {
    if (yield == null) {
      return "";
    }
    return yield.isMeasured()
        ? String.format(
            Locale.ROOT, "%.0f (%,d)", yield.errorsPer100().getAsDouble(), yield.reviewed())
        : String.format(Locale.ROOT, "– (%,d)", yield.reviewed());
  }

  static String comparison(RunComparison c) {
    String moved =
        c.previousRunId() == null
            ? "First run: its top " + "%,d".formatted(c.topK()) + " samples are all new."
            : "Top %,d: %,d samples moved in, %,d out, against run #%d."
                .formatted(c.topK(), c.movedIntoTop(), c.movedOutOfTop(), c.previousRunId());
    String agreed =
        c.correctionsBefore() == 0
            ? " No corrections before it started."
            : " Corrections agreed: %,d of the %,d made before it started."
                .formatted(c.correctionsAgreed(), c.correctionsBefore());
    return moved + agreed;
  }

  static String seconds(Instant from, Instant to) {
    if (from == null || to == null) {
      return "";
    }
    long s = Duration.between(from, to).toSeconds();
    return String.format("%d min %02d s", s / 60, s % 60);
  }
}
