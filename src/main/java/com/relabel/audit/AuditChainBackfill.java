package com.relabel.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 20.1, after {@code V20__audit_roles_and_hash_chain.sql}: links the audit rows written
 * before the hash chain existed, oldest first, then makes both hash columns NOT NULL and points the
 * chain's head at the last row (decision 0027). It runs as the migrations' owner role; on
 * PostgreSQL it lifts the append-only trigger for its own updates, inside its transaction. Spring
 * Boot hands this bean to Flyway.
 */
@Component
class AuditChainBackfill implements JavaMigration {

  private static final int PAGE = 1000;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("20.1");
  }

  @Override
  public String getDescription() {
    return "audit hash chain for existing rows";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection db = context.getConnection();
    boolean postgres = db.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    try (Statement ddl = db.createStatement()) {
      if (postgres) {
        ddl.execute("alter table audit_entry disable trigger audit_entry_append_only");
      }
      long entries = 0;
      String previous = AuditChain.GENESIS;
      long after = Long.MIN_VALUE;
      try (PreparedStatement read =
              db.prepareStatement(
                  "select "
                      + AuditChain.COLUMNS
                      + ", id from audit_entry where id > ? order by id limit "
                      + PAGE);
          PreparedStatement write =
              db.prepareStatement(
                  "update audit_entry set prev_hash = ?, row_hash = ? where id = ?")) {
        int count;
        do {
          count = 0;
          read.setLong(1, after);
          try (var rs = read.executeQuery()) {
            while (rs.next()) {
              String hash = AuditChain.link(previous, AuditChain.row(rs));
              after = rs.getLong(13);
              write.setString(1, previous);
              write.setString(2, hash);
              write.setLong(3, after);
              write.addBatch();
              previous = hash;
              count++;
            }
          }
          write.executeBatch();
          entries += count;
        } while (count == PAGE);
      }
      if (postgres) {
        ddl.execute("alter table audit_entry enable trigger audit_entry_append_only");
      }
      ddl.execute("alter table audit_entry alter column prev_hash set not null");
      ddl.execute("alter table audit_entry alter column row_hash set not null");
      try (PreparedStatement head =
          db.prepareStatement(
              "update audit_chain_head set entries = ?, last_hash = ? where id = 1")) {
        head.setLong(1, entries);
        head.setString(2, previous);
        head.executeUpdate();
      }
    }
  }
}
