package com.relabel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.TableSamples.Line;
import org.junit.jupiter.api.Test;

/** Which of a table row's values the review screen marks as fitting the suggested class. */
class SampleTableBoxTest {

  @Test
  void aNumberNearerTheSuggestedMeanIsMarked() {
    assertThat(SampleTableBox.fitsSuggested(new Line("w", "29.5", "20", "30"))).isTrue();
    assertThat(SampleTableBox.fitsSuggested(new Line("w", "21", "20", "30"))).isFalse();
  }

  @Test
  void aCategoryIsMarkedWhenItIsTheSuggestedClassesMostFrequentOnly() {
    assertThat(SampleTableBox.fitsSuggested(new Line("c", "blue", "red", "blue"))).isTrue();
    assertThat(SampleTableBox.fitsSuggested(new Line("c", "red", "red", "red"))).isFalse();
    assertThat(SampleTableBox.fitsSuggested(new Line("c", "green", "red", "blue"))).isFalse();
  }

  @Test
  void anEmptyCellOrAClassWithoutRowsMarksNothing() {
    assertThat(SampleTableBox.fitsSuggested(new Line("w", "", "20", "30"))).isFalse();
    assertThat(SampleTableBox.fitsSuggested(new Line("w", "25", "20", ""))).isFalse();
  }
}
