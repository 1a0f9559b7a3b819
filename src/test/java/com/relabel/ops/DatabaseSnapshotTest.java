package com.relabel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backup tests' comparison names each table whose rows differ, and only those. */
class DatabaseSnapshotTest {

  private final DatabaseSnapshot original =
      new DatabaseSnapshot(
          Map.of("sample", List.of("1|CONFIRMED", "2|OPEN"), "audit_entry", List.of("1|a", "2|b")));

  @Test
  void aCopyWithTheSameRowsHasNoDifferences() {
    var copy =
        new DatabaseSnapshot(
            Map.of(
                "audit_entry", List.of("1|a", "2|b"), "sample", List.of("1|CONFIRMED", "2|OPEN")));
    assertThat(original.differencesIn(copy)).isEmpty();
  }

  @Test
  void aMissingRowAChangedRowAndAMissingTableAreEachNamed() {
    var copy =
        new DatabaseSnapshot(Map.of("sample", List.of("1|OPEN", "2|OPEN"), "vote", List.of("1|x")));
    assertThat(original.differencesIn(copy))
        .containsExactly(
            "audit_entry: 0 rows, expected 2; first difference: no row instead of 1|a",
            "sample: 2 rows, expected 2; first difference: 1|OPEN instead of 1|CONFIRMED",
            "vote: 1 rows, expected 0; first difference: 1|x instead of no row");
  }
}
