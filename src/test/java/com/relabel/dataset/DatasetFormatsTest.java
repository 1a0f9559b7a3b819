package com.relabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The formats' registry (decision 0048): one format for every kind, or the application does not
 * start, with a message naming the kind.
 */
class DatasetFormatsTest {

  private static final DatasetFormat IMAGES = new ImageDatasetFormat(null);
  private static final DatasetFormat TEXTS = new TextDatasetFormat(null);
  private static final DatasetFormat TABLES = new TableDatasetFormat(null);

  @Test
  void findsTheFormatOfEachKind() {
    var formats = new DatasetFormats(List.of(TABLES, IMAGES, TEXTS), null);

    for (DatasetKind kind : DatasetKind.values()) {
      assertThat(formats.of(kind).kind()).isEqualTo(kind);
    }
    assertThat(formats.of(DatasetKind.TEXT)).isSameAs(TEXTS);
  }

  @Test
  void aKindWithoutAFormatStopsTheStart() {
    assertThatThrownBy(() -> new DatasetFormats(List.of(IMAGES, TEXTS), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no dataset format for FEATURES");
  }

  @Test
  void twoFormatsForOneKindStopTheStart() {
    var another = new TextDatasetFormat(null);

    assertThatThrownBy(() -> new DatasetFormats(List.of(IMAGES, TEXTS, TABLES, another), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("two dataset formats for TEXT: TextDatasetFormat and TextDatasetFormat");
  }
}
