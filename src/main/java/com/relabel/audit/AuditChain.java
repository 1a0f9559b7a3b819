package com.relabel.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The audit trail's hash chain (decision 0027): every row's hash is the SHA-256 of the hash of the
 * row before it and of the row's own content, so changing or removing a row breaks the chain from
 * there on. The first row follows {@link #GENESIS}.
 *
 * <p>The hashed text is, in UTF-8, the previous hash and then each column in table order, joined by
 * {@code |}: {@code occurred_at} as microseconds since 1970-01-01T00:00Z, text columns as their
 * length in UTF-8 bytes, {@code :} and the text, whole numbers in decimal, {@code score} as the 16
 * hex digits of its IEEE 754 bits, and {@code -} for a null. A row with a {@code note} (a
 * reviewer's comment, migration V24) has it hashed last, as text; a row without one hashes exactly
 * as before the column existed, so older rows keep their hashes. The hash is written as 64
 * lower-case hex digits. The row's {@code id} is not hashed: the chain's order is the order of the
 * ids.
 */
final class AuditChain {

  /** What the first row follows. */
  static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /**
   * The content of one audit row, as hashed; made with {@link #builder()}, which names each part:
   * when, who, what, which sample, its label and status before and after, the run whose ranking it
   * was decided in, and a comment's text.
   */
  record Row(
      Instant occurredAt,
      String actor,
      String action,
      long datasetId,
      long sampleId,
      int sampleIndex,
      int oldLabel,
      int newLabel,
      String oldStatus,
      String newStatus,
      Double score,
      Long runId,
      String note) {

    static Builder builder() {
      return new Builder();
    }

    /** This row with a comment's text (hashed last; null for none). */
    Row withNote(String text) {
      return builder()
          .at(occurredAt)
          .by(actor)
          .action(action)
          .sample(datasetId, sampleId, sampleIndex)
          .label(oldLabel, newLabel)
          .status(oldStatus, newStatus)
          .ranked(score, runId)
          .note(text)
          .build();
    }

    /**
     * Builds a row; {@link #build} refuses one whose time, actor, action or statuses were not
     * given, so a forgotten part cannot be hashed as a null. Score, run and note stay null unless
     * set.
     */
    static final class Builder {
      private Instant occurredAt;
      private String actor;
      private String action;
      private long datasetId;
      private long sampleId;
      private int sampleIndex;
      private int oldLabel;
      private int newLabel;
      private String oldStatus;
      private String newStatus;
      private Double score;
      private Long runId;
      private String note;

      private Builder() {}

      Builder at(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
      }

      Builder by(String actor) {
        this.actor = actor;
        return this;
      }

      Builder action(String action) {
        this.action = action;
        return this;
      }

      Builder sample(long datasetId, long sampleId, int sampleIndex) {
        this.datasetId = datasetId;
        this.sampleId = sampleId;
        this.sampleIndex = sampleIndex;
        return this;
      }

      Builder label(int oldLabel, int newLabel) {
        this.oldLabel = oldLabel;
        this.newLabel = newLabel;
        return this;
      }

      Builder status(String oldStatus, String newStatus) {
        this.oldStatus = oldStatus;
        this.newStatus = newStatus;
        return this;
      }

      /** The sample's score and the run whose queue it was decided in (either may be null). */
      Builder ranked(Double score, Long runId) {
        this.score = score;
        this.runId = runId;
        return this;
      }

      Builder note(String note) {
        this.note = note;
        return this;
      }

      Row build() {
        require(occurredAt, "occurredAt");
        require(actor, "actor");
        require(action, "action");
        require(oldStatus, "oldStatus");
        require(newStatus, "newStatus");
        return new Row(
            occurredAt,
            actor,
            action,
            datasetId,
            sampleId,
            sampleIndex,
            oldLabel,
            newLabel,
            oldStatus,
            newStatus,
            score,
            runId,
            note);
      }

      private static void require(Object value, String field) {
        if (value == null) {
          throw new IllegalStateException("an audit row needs its " + field);
        }
      }
    }
  }

  /** The hashed columns, in the order {@link #row} reads them. */
  static final String COLUMNS =
      "occurred_at, actor, action, dataset_id, sample_id, sample_index, old_label, new_label,"
          + " old_status, new_status, score, run_id";

  /**
   * The hashed content of the current row of {@code rs}, selected as {@link #COLUMNS} first; its
   * note, when the caller selected one, is added with {@link Row#withNote}. (The Java migration
   * 20.1 reads rows before the note column exists.)
   */
  static Row row(ResultSet rs) throws SQLException {
    return Row.builder()
        .at(rs.getObject(1, OffsetDateTime.class).toInstant())
        .by(rs.getString(2))
        .action(rs.getString(3))
        .sample(rs.getLong(4), rs.getLong(5), rs.getInt(6))
        .label(rs.getInt(7), rs.getInt(8))
        .status(rs.getString(9), rs.getString(10))
        .ranked(
            rs.getObject(11) == null ? null : rs.getDouble(11),
            rs.getObject(12) == null ? null : rs.getLong(12))
        .build();
  }

  /** A time as the database keeps it (microseconds), so that what is hashed is what is stored. */
  static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  /** The hash of {@code row} following a row whose hash is {@code previous}. */
  static String link(String previous, Row row) {
    var text = new StringBuilder(160).append(previous);
    field(text, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, row.occurredAt())));
    field(text, text(row.actor()));
    field(text, text(row.action()));
    field(text, Long.toString(row.datasetId()));
    field(text, Long.toString(row.sampleId()));
    field(text, Integer.toString(row.sampleIndex()));
    field(text, Integer.toString(row.oldLabel()));
    field(text, Integer.toString(row.newLabel()));
    field(text, text(row.oldStatus()));
    field(text, text(row.newStatus()));
    field(
        text,
        row.score() == null ? "-" : String.format("%016x", Double.doubleToLongBits(row.score())));
    field(text, row.runId() == null ? "-" : Long.toString(row.runId()));
    if (row.note() != null) {
      field(text, text(row.note()));
    }
    return HexFormat.of()
        .formatHex(sha256().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static void field(StringBuilder text, String value) {
    text.append('|').append(value);
  }

  private static String text(String value) {
    return value == null ? "-" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
