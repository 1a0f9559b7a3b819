package com.relabel.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.review.AumCutoffVerdict;
import com.relabel.review.MethodVerdict;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The per-method verdicts, with the AUM cut-off's verdict when the run had the pass. */
class MethodVerdictsPanelTest {

  private static final List<MethodVerdict> VERDICTS =
      List.of(new MethodVerdict("aum", 1.5, 3, true));

  @Test
  void showsWhetherTheSampleIsBelowTheAumCutoff() {
    var panel = new MethodVerdictsPanel();
    panel.show(VERDICTS, Optional.of(new AumCutoffVerdict(-0.42, true)));
    Span row = aumRow(panel);
    assertThat(row.getText()).isEqualTo("AUM below cut-off (-0.42)");
    assertThat(row.hasClassName("flagged")).isTrue();

    panel.show(VERDICTS, Optional.of(new AumCutoffVerdict(0.1, false)));
    assertThat(aumRow(panel).getText()).isEqualTo("AUM above cut-off (0.10)");
    assertThat(aumRow(panel).hasClassName("flagged")).isFalse();
  }

  @Test
  void showsNothingExtraForARunWithoutThePass() {
    var panel = new MethodVerdictsPanel();
    panel.show(VERDICTS, Optional.empty());
    assertThat(panel.getChildren().map(c -> c.getId().orElse(""))).containsExactly("verdict-aum");
  }

  private static Span aumRow(MethodVerdictsPanel panel) {
    Component c =
        panel
            .getChildren()
            .filter(child -> child.getId().orElse("").equals("verdict-aum-cutoff"))
            .findFirst()
            .orElseThrow();
    return (Span) c;
  }
}
