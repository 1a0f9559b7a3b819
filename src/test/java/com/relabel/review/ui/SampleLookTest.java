package com.relabel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.DatasetKind;
import org.junit.jupiter.api.Test;

/** How the review screens show each kind of dataset's samples (decision 0048). */
class SampleLookTest {

  @Test
  void imagesShowAsPicturesTextsAndTableRowsAsText() {
    assertThat(SampleLook.of(DatasetKind.IMAGE).asText()).isFalse();
    assertThat(SampleLook.of(DatasetKind.TEXT).asText()).isTrue();
    assertThat(SampleLook.of(DatasetKind.FEATURES).asText()).isTrue();
  }

  @Test
  void onlyATableRowIsComparedColumnByColumn() {
    assertThat(SampleLook.of(DatasetKind.FEATURES).comparesColumns()).isTrue();
    assertThat(SampleLook.of(DatasetKind.TEXT).comparesColumns()).isFalse();
    assertThat(SampleLook.of(DatasetKind.IMAGE).comparesColumns()).isFalse();
  }
}
