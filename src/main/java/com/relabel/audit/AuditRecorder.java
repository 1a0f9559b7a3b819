package com.relabel.audit;

import com.relabel.review.SampleCommented;
import com.relabel.review.SampleDecided;
import com.relabel.review.SamplesDecided;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit trail from domain events. Listens synchronously, so the audit row commits or
 * rolls back together with the label change that caused it.
 *
 * <p>Every row is appended to the hash chain ({@link AuditChain}, decision 0027). The append first
 * updates the one row of {@code audit_chain_head}; its row lock holds every other append, on any
 * node, until this transaction ends, so the rows get their ids in chain order and two writers never
 * link to the same row.
 */
@Component
class AuditRecorder {

  private static final String INSERT =
      "insert into audit_entry ("
          + AuditChain.COLUMNS
          + ", prev_hash, row_hash, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;

  AuditRecorder(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(SampleDecided e) {
    append(List.of(e));
  }

  /** A bulk decision: one row per changed sample, inserted as one JDBC batch. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(SamplesDecided bulk) {
    append(bulk.decisions());
  }

  /** A reviewer's comment: its own row, the sample's label and status unchanged, the text kept. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  void on(SampleCommented c) {
    appendRows(
        List.of(
            AuditChain.Row.builder()
                .at(AuditChain.stored(c.occurredAt()))
                .by(c.actor())
                .action(SampleCommented.ACTION)
                .sample(c.datasetId(), c.sampleId(), c.sampleIndex())
                .label(c.label(), c.label())
                .status(c.status().name(), c.status().name())
                .note(c.text())
                .build()));
  }

  private void append(List<SampleDecided> decisions) {
    appendRows(decisions.stream().map(AuditRecorder::row).toList());
  }

  private static AuditChain.Row row(SampleDecided e) {
    return AuditChain.Row.builder()
        .at(AuditChain.stored(e.occurredAt()))
        .by(e.actor())
        .action(e.action().name())
        .sample(e.datasetId(), e.sampleId(), e.sampleIndex())
        .label(e.oldLabel(), e.newLabel())
        .status(e.oldStatus().name(), e.newStatus().name())
        .ranked(e.score(), e.runId())
        .build();
  }

  private void appendRows(List<AuditChain.Row> entries) {
    // takes the chain's lock (the head row) until the transaction ends
    jdbc.update("update audit_chain_head set entries = entries + ? where id = 1", entries.size());
    String previous =
        jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", String.class);
    List<Linked> rows = new ArrayList<>(entries.size());
    for (AuditChain.Row row : entries) {
      String hash = AuditChain.link(previous, row);
      rows.add(new Linked(row, previous, hash));
      previous = hash;
    }
    jdbc.batchUpdate(
        INSERT,
        rows,
        rows.size(),
        (ps, linked) -> {
          AuditChain.Row r = linked.row();
          ps.setObject(1, r.occurredAt().atOffset(ZoneOffset.UTC));
          ps.setString(2, r.actor());
          ps.setString(3, r.action());
          ps.setLong(4, r.datasetId());
          ps.setLong(5, r.sampleId());
          ps.setInt(6, r.sampleIndex());
          ps.setInt(7, r.oldLabel());
          ps.setInt(8, r.newLabel());
          ps.setString(9, r.oldStatus());
          ps.setString(10, r.newStatus());
          ps.setObject(11, r.score(), Types.DOUBLE);
          ps.setObject(12, r.runId(), Types.BIGINT);
          ps.setString(13, linked.previous());
          ps.setString(14, linked.hash());
          ps.setString(15, r.note());
        });
    jdbc.update("update audit_chain_head set last_hash = ? where id = 1", previous);
  }

  private record Linked(AuditChain.Row row, String previous, String hash) {}
}
