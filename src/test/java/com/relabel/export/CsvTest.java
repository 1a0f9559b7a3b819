package com.relabel.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesWhatWouldOtherwiseSplitTheRow() {
    assertThat(Csv.field("plain")).isEqualTo("plain");
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
    assertThat(Csv.field("old mac\rline")).isEqualTo("\"old mac\rline\"");
    assertThat(Csv.field(null)).isEmpty();
  }
}
