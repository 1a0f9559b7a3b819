package com.relabel.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void quotesEscapesAndRefusesWhatJsonCannotHold() {
    assertThat(JsonText.quote("a \"b\" \\ c\nd\te\u0001"))
        .isEqualTo("\"a \\\"b\\\" \\\\ c\\nd\\te\\u0001\"");
    assertThat(JsonText.quote(null)).isEqualTo("null");
    assertThat(JsonText.number(0.25)).isEqualTo("0.25");
    assertThat(JsonText.number(Double.NaN)).isEqualTo("null");
    assertThat(JsonText.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(JsonText.number(null)).isEqualTo("null");
  }
}
