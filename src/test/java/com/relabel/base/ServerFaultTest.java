package com.relabel.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which exceptions are a database outage or a full disk, however they were wrapped. */
class ServerFaultTest {

  @Test
  void thePoolTimingOutAndTheServerGoingAwayAreAnOutage() {
    var poolTimeout =
        new CannotCreateTransactionException(
            "Could not open JPA EntityManager for transaction",
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
    assertThat(ServerFault.of(poolTimeout)).isEqualTo(ServerFault.DATABASE_UNREACHABLE);
    assertThat(ServerFault.of(new CannotGetJdbcConnectionException("no connection")))
        .isEqualTo(ServerFault.DATABASE_UNREACHABLE);
    // PostgreSQL's "An I/O error occurred while sending to the backend" and its shutdown
    var dropped = new JpaSystemException(new RuntimeException(new SQLException("I/O", "08006")));
    assertThat(ServerFault.of(dropped)).isEqualTo(ServerFault.DATABASE_UNREACHABLE);
    assertThat(ServerFault.of(new SQLException("terminating connection", "57P01")))
        .isEqualTo(ServerFault.DATABASE_UNREACHABLE);
    // the rollback after a dropped connection hides the statement's exception behind this
    var rollback =
        new JpaSystemException(
            new RuntimeException(
                "Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));
    assertThat(ServerFault.of(rollback)).isEqualTo(ServerFault.DATABASE_UNREACHABLE);
  }

  @Test
  void noSpaceLeftOnDeviceIsAFullDiskWhereverItIsFound() {
    var spooling = new UncheckedIOException(new IOException("No space left on device"));
    assertThat(ServerFault.of(spooling)).isEqualTo(ServerFault.DISK_FULL);
    assertThat(ServerFault.of(new SQLException("could not extend file", "53100")))
        .isEqualTo(ServerFault.DISK_FULL);
  }

  @Test
  void aRequestsOwnFaultIsNoServerFault() {
    assertThat(ServerFault.of(new DataIntegrityViolationException("duplicate key"))).isNull();
    assertThat(ServerFault.of(new SQLException("syntax error", "42601"))).isNull();
    assertThat(ServerFault.of(new IOException("truncated after 12 images"))).isNull();
    assertThat(ServerFault.of(new IllegalArgumentException("bad"))).isNull();
  }
}
