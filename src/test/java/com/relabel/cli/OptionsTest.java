package com.relabel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static final Set<String> FLAGS = Set.of("--epochs", "--out");

  @Test
  void readsKnownFlagsAndFallsBackWhenAbsent() {
    Options o = Options.parse(new String[] {"--out", "x.csv"}, FLAGS);
    assertThat(o.path("--out")).isEqualTo(Path.of("x.csv"));
    assertThat(o.get("--epochs", OptionValues::positive, 5)).isEqualTo(5);
  }

  @Test
  void namesTheFlagThatIsWrong() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--epoch", "3"}, FLAGS))
        .hasMessage("unknown option --epoch");
    assertThatThrownBy(() -> Options.parse(new String[] {"--out"}, FLAGS))
        .hasMessage("missing value after --out");
    assertThatThrownBy(() -> Options.parse(new String[] {"--out", "a", "--out", "b"}, FLAGS))
        .hasMessage("--out is given twice");
    Options o = Options.parse(new String[] {"--epochs", "zero"}, FLAGS);
    assertThatThrownBy(() -> o.get("--epochs", OptionValues::positive, 5))
        .hasMessageContaining("--epochs");
  }

  @Test
  void switchesTakeNoValue() {
    Options o =
        Options.parse(
            new String[] {"--aum-threshold", "--epochs", "3"}, FLAGS, Set.of("--aum-threshold"));
    assertThat(o.has("--aum-threshold")).isTrue();
    assertThat(o.get("--epochs", OptionValues::positive, 5)).isEqualTo(3);
    Options none = Options.parse(new String[] {"--epochs", "3"}, FLAGS, Set.of("--aum-threshold"));
    assertThat(none.has("--aum-threshold")).isFalse();
    assertThatThrownBy(
            () ->
                Options.parse(
                    new String[] {"--aum-threshold", "--aum-threshold"},
                    FLAGS,
                    Set.of("--aum-threshold")))
        .hasMessage("--aum-threshold is given twice");
    assertThatThrownBy(() -> Options.parse(new String[] {"--aum-threshold"}, FLAGS))
        .hasMessage("unknown option --aum-threshold");
  }
}
