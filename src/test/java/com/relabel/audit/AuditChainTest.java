package com.relabel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The hashed text is the one decision 0027 and {@link AuditChain} describe, so that anyone can
 * check the chain with their own tools: the expected hashes were computed outside Java (Python's
 * hashlib over the documented text).
 */
class AuditChainTest {

  static final AuditChain.Row FIRST = first().build();

  /** The first row's parts, for a test to change one. */
  private static AuditChain.Row.Builder first() {
    return AuditChain.Row.builder()
        .at(Instant.parse("2024-05-01T12:00:00.123456Z"))
        .by("zoë")
        .action("CORRECT")
        .sample(7, 1234, 42)
        .label(3, 5)
        .status("OPEN", "CORRECTED")
        .ranked(0.875, 9L);
  }

  @Test
  void theHashIsTheSha256OfThePreviousHashAndTheDocumentedText() {
    // 000...0|1714564800123456|4:zoë|7:CORRECT|7|1234|42|3|5|4:OPEN|9:CORRECTED|3fec000000000000|9
    String first = AuditChain.link(AuditChain.GENESIS, FIRST);
    assertThat(first).isEqualTo("a2257ee464acf26ece37123b10e212173e9c7da8ce27fc3f9e9fcd94e35c1ac3");
    // a separator inside a text and null score and run: ...|3:a|b|7:EXCLUDE|...|-|-
    var second =
        first()
            .by("a|b")
            .action("EXCLUDE")
            .sample(7, 1235, 43)
            .label(1, 1)
            .status("OPEN", "EXCLUDED")
            .ranked(null, null)
            .build();
    assertThat(AuditChain.link(first, second))
        .isEqualTo("ac223562215e1a4d8ae02e4471dd023ecd2f169849ca1206ba160fc76b2af7f3");
  }

  /**
   * A comment's text is hashed last, as text, and only on a row that has one, so the rows written
   * before the note column existed keep their hashes (the test above, unchanged).
   */
  @Test
  void aCommentIsHashedAfterTheOtherColumnsAndChangingItChangesTheHash() {
    var comment =
        first()
            .action("COMMENT")
            .label(3, 3)
            .status("OPEN", "OPEN")
            .ranked(null, null)
            .note("blurry, <b>7</b>")
            .build();
    // 000...0|1714564800123456|4:zoë|7:COMMENT|7|1234|42|3|3|4:OPEN|4:OPEN|-|-|16:blurry, <b>7</b>
    assertThat(AuditChain.link(AuditChain.GENESIS, comment))
        .isEqualTo("ad107dbc7210daae68c6d85e613ddb2a586b40bdca448f33e88ae36d627afc94");
    assertThat(AuditChain.link(AuditChain.GENESIS, comment.withNote("blurry, 7")))
        .isNotEqualTo(AuditChain.link(AuditChain.GENESIS, comment));
    assertThat(AuditChain.link(AuditChain.GENESIS, FIRST.withNote(null)))
        .isEqualTo(AuditChain.link(AuditChain.GENESIS, FIRST));
  }

  @Test
  void everyColumnAndThePreviousHashChangeTheHash() {
    String hash = AuditChain.link(AuditChain.GENESIS, FIRST);
    var changed =
        new AuditChain.Row[] {
          first().at(FIRST.occurredAt().plusNanos(1000)).build(),
          first().by("zoe").build(),
          first().label(3, 6).build(),
          first().ranked(0.876, 9L).build(),
          first().ranked(0.875, null).build(),
        };
    for (AuditChain.Row row : changed) {
      assertThat(AuditChain.link(AuditChain.GENESIS, row)).isNotEqualTo(hash);
    }
    assertThat(AuditChain.link("1".repeat(64), FIRST)).isNotEqualTo(hash);
  }

  /** A row missing its time, actor, action or statuses is refused, never hashed with a null. */
  @Test
  void aRowWithoutItsActorOrStatusIsRefused() {
    assertThatThrownBy(() -> first().by(null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("an audit row needs its actor");
    assertThatThrownBy(() -> first().status("OPEN", null).build())
        .hasMessage("an audit row needs its newStatus");
  }

  @Test
  void timesAreHashedAsTheDatabaseKeepsThem() {
    Instant nanos = Instant.parse("2024-05-01T12:00:00.123456789Z");
    assertThat(AuditChain.stored(nanos)).isEqualTo(Instant.parse("2024-05-01T12:00:00.123456Z"));
  }
}
