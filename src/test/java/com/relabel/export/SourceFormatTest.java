package com.relabel.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
import org.junit.jupiter.api.Test;

/** Every dataset has exactly one format to go back in, whatever its kind. */
class SourceFormatTest {

  @Test
  void exactlyOneFormatFitsEveryKindWithAndWithoutFileNames() {
    for (DatasetKind kind : DatasetKind.values()) {
      Dataset dataset = mock(Dataset.class);
      when(dataset.getKind()).thenReturn(kind);
      for (boolean named : new boolean[] {false, true}) {
        assertThat(SourceFormat.ALL.stream().filter(f -> f.fits(dataset, named)))
            .as(kind + (named ? " with file names" : " without"))
            .hasSize(1);
      }
    }
  }

  @Test
  void eachImportFormatGoesBackInItsOwn() {
    Dataset text = mock(Dataset.class);
    when(text.getKind()).thenReturn(DatasetKind.TEXT);
    Dataset images = mock(Dataset.class);
    when(images.getKind()).thenReturn(DatasetKind.IMAGE);
    Dataset table = mock(Dataset.class);
    when(table.getKind()).thenReturn(DatasetKind.FEATURES);

    assertThat(SourceFormat.of(text, false)).isInstanceOf(TextCsvSource.class);
    assertThat(SourceFormat.of(images, true)).isInstanceOf(LabelsCsvSource.class);
    assertThat(SourceFormat.of(images, false)).isInstanceOf(IdxZipSource.class);
    // a table's rows always have ids: it still goes back as the table, not as file,label
    assertThat(SourceFormat.of(table, true)).isInstanceOf(TableCsvSource.class);
  }
}
