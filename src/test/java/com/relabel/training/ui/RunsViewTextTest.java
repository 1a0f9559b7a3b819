package com.relabel.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.training.MeasuredYield;
import com.relabel.training.TestRuns;
import com.relabel.training.TrainingRun;
import org.junit.jupiter.api.Test;

/** What the Runs page says about a run's expected and measured yield. */
class RunsViewTextTest {

  @Test
  void aSucceededRunShowsItsExpectedErrorsAndWhatReviewersFound() {
    TrainingRun run = TestRuns.succeeded(96.6, 944.2);
    assertThat(RunTexts.expectedYield(run)).isEqualTo("97 / 944");
    assertThat(RunTexts.yieldText(run, new MeasuredYield(12, 11)))
        .isEqualTo(
            "Expected errors in top 100 / 1,000: 97 / 944."
                + " Measured yield: after 50 reviews (12 so far).");
    assertThat(RunTexts.yieldText(run, new MeasuredYield(64, 59)))
        .isEqualTo(
            "Expected errors in top 100 / 1,000: 97 / 944."
                + " Measured yield: 92 per 100 reviews, 64 reviewed.");
  }

  @Test
  void aRunWithoutScoresHasNeither() {
    TrainingRun run = TestRuns.failed();
    assertThat(RunTexts.expectedYield(run)).isEmpty();
    assertThat(RunTexts.yieldText(run, null))
        .isEqualTo("No expected or measured errors: the run did not succeed.");
  }

  @Test
  void aRunTheMinimumStepsRuleRaisedShowsWhatWasAskedAndWhatItTrained() {
    TrainingRun run = TestRuns.raisedByMinimumSteps();
    assertThat(RunTexts.settingsShort(run)).isEqualTo("cnn · 43 ep (8 asked) · k 0");
    assertThat(RunTexts.settingsText(run))
        .isEqualTo(
            "cnn · 8 epochs asked, 43 trained · batch 128 asked, 32 trained · lr 0.00100 · k 0"
                + " · seed 42 (minimum steps, decision 0050)");
  }
}
