package com.relabel.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Walks the audit trail's hash chain ({@link AuditChain}) oldest row first and names the first row
 * that does not check out: a row whose content no longer gives its hash was changed; a row whose
 * previous hash is not the hash of the row before it follows a row that was removed or replaced.
 * Finally the chain's head (the number of rows and the last hash, kept in {@code audit_chain_head})
 * must match, which catches rows removed from the end. Reads only, so the application's database
 * role can run it; rows appended while it reads are checked too.
 *
 * <p>It proves that nobody changed the trail without recomputing every hash after the change; the
 * database's owner could do that, so note {@link AuditChainReport#lastHash()} outside the database
 * now and then (decision 0027).
 */
@Component
public class AuditChainVerifier {

  private static final int FETCH = 1000;

  private final DataSource dataSource;

  public AuditChainVerifier(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public AuditChainReport verify() throws SQLException {
    return verify(null);
  }

  /**
   * Verifies the chain and, unless {@code anchor} is null, that it still holds a row with that hash
   * (one noted earlier outside the database): otherwise that row and all before it were rewritten.
   */
  public AuditChainReport verify(String anchor) throws SQLException {
    try (Connection db = dataSource.getConnection()) {
      boolean autoCommit = db.getAutoCommit();
      db.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
      try {
        return verify(db, anchor == null ? null : anchor.trim().toLowerCase(Locale.ROOT));
      } finally {
        db.rollback();
        db.setAutoCommit(autoCommit);
      }
    }
  }

  private static AuditChainReport verify(Connection db, String anchor) throws SQLException {
    boolean anchored = anchor == null || anchor.equals(AuditChain.GENESIS);
    // The head first: what it counts committed with its rows, so all of them are read below.
    long headEntries;
    String headHash;
    try (PreparedStatement head =
            db.prepareStatement("select entries, last_hash from audit_chain_head where id = 1");
        ResultSet rs = head.executeQuery()) {
      if (!rs.next()) {
        return AuditChainReport.broken(
            0, null, "the chain's head (audit_chain_head) is missing", null);
      }
      headEntries = rs.getLong(1);
      headHash = rs.getString(2);
    }
    long entries = 0;
    long previousId = 0;
    String previous = AuditChain.GENESIS;
    try (PreparedStatement rows =
        db.prepareStatement(
            "select "
                + AuditChain.COLUMNS
                + ", id, prev_hash, row_hash, note from audit_entry order by id")) {
      rows.setFetchSize(FETCH);
      try (ResultSet rs = rows.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(13);
          String prevHash = rs.getString(14);
          String rowHash = rs.getString(15);
          if (!previous.equals(prevHash)) {
            String problem =
                entries == 0
                    ? "row "
                        + id
                        + " is the first row but does not start the chain: rows before"
                        + " it were removed, or it was changed"
                    : "row "
                        + id
                        + " does not follow row "
                        + previousId
                        + ": a row between them was removed, or this row was changed";
            return AuditChainReport.broken(entries, id, problem, previous);
          }
          if (!AuditChain.link(prevHash, AuditChain.row(rs).withNote(rs.getString(16)))
              .equals(rowHash)) {
            return AuditChainReport.broken(
                entries,
                id,
                "row "
                    + id
                    + " was changed after it was written: its content does not give its hash",
                previous);
          }
          entries++;
          anchored |= rowHash.equals(anchor);
          if (entries == headEntries && !rowHash.equals(headHash)) {
            return AuditChainReport.broken(
                entries,
                id,
                "row "
                    + id
                    + " should be the chain's last row as its head records it, but its hash"
                    + " differs",
                rowHash);
          }
          previous = rowHash;
          previousId = id;
        }
      }
    }
    if (entries < headEntries) {
      return AuditChainReport.broken(
          entries,
          null,
          "the chain's head records "
              + headEntries
              + " rows but the table has "
              + entries
              + (entries == 0 ? "" : " (up to row " + previousId + ")")
              + ": rows were removed from its end",
          previous);
    }
    if (!anchored) {
      return AuditChainReport.broken(
          entries,
          null,
          "no row has the hash "
              + anchor
              + " noted earlier: the rows up to it were rewritten, hashes and all",
          previous);
    }
    return new AuditChainReport(entries, true, null, null, previous);
  }
}
