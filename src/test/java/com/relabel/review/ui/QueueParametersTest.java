package com.relabel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.SampleStatus;
import com.relabel.review.QueueFilter;
import com.relabel.scoring.CartographyRegion;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grid's filter survives the round trip through the URL, and a bad link says what is wrong. */
class QueueParametersTest {

  @Test
  void aLinkOpensTheFilterItNames() {
    QueueFilter f =
        QueueParameters.filter(
            Map.of(
                "given", List.of("3"),
                "suggested", List.of("5"),
                "status", List.of("OPEN,excluded", "CONFIRMED"),
                "min", List.of("0.25"),
                "region", List.of("hard"),
                "flagged", List.of("aum"),
                "decidedBy", List.of("ben")));
    assertThat(f.given()).isEqualTo(3);
    assertThat(f.suggested()).isEqualTo(5);
    assertThat(f.statuses())
        .isEqualTo(Set.of(SampleStatus.OPEN, SampleStatus.EXCLUDED, SampleStatus.CONFIRMED));
    assertThat(f.minScore()).isEqualTo(0.25);
    assertThat(f.maxScore()).isNull();
    assertThat(f.region()).isEqualTo(CartographyRegion.HARD);
    assertThat(f.flaggedBy()).isEqualTo("aum");
    assertThat(f.decidedBy()).isEqualTo("ben");
    assertThat(QueueParameters.filter(QueueParameters.of(f, "loss").getParameters())).isEqualTo(f);
    assertThat(QueueParameters.sort(QueueParameters.of(f, "loss").getParameters()))
        .isEqualTo("loss");
    assertThat(QueueParameters.of(QueueFilter.none(), "ensemble").getQueryString()).isEmpty();
    assertThat(
            QueueParameters.of(QueueFilter.none().withGiven(3).withSuggested(5), null)
                .getQueryString())
        .isEqualTo("given=3&suggested=5");
  }

  @Test
  void aBadLinkNamesTheParameter() {
    assertThatThrownBy(() -> QueueParameters.filter(Map.of("given", List.of("three"))))
        .hasMessageContaining("'given=three' is not understood");
    assertThatThrownBy(() -> QueueParameters.filter(Map.of("status", List.of("DONE"))))
        .hasMessageContaining("'status=DONE'");
    assertThatThrownBy(
            () -> QueueParameters.filter(Map.of("min", List.of("0.9"), "max", List.of("0.1"))))
        .hasMessageContaining("score range is empty");
    // -1e309 overflows to -Infinity: refused with the parameter's name, not an exception's text
    for (String bound : List.of("-1e309", "1e309", "NaN", "Infinity")) {
      assertThatThrownBy(() -> QueueParameters.filter(Map.of("min", List.of(bound))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "'min=" + bound + "' is not understood: a score bound must be a finite number");
    }
  }
}
