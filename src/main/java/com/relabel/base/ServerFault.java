package com.relabel.base;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The faults that are the server's and not the request's, which the REST API and the views answer
 * with their own clear message instead of a generic error: the database cannot be reached (503, try
 * again), or the server's disk is full (507). Found anywhere in an exception's causes, since
 * Spring, Hibernate and the pool each wrap the driver's exception their own way.
 */
public enum ServerFault {
  /** No connection to the database: the pool timed out, the server refused or dropped it. */
  DATABASE_UNREACHABLE,
  /** The disk the server writes uploads, exports or the database to is full. */
  DISK_FULL;

  /** What the REST API and the views say when the database cannot be reached. */
  public static final String DATABASE_MESSAGE =
      "the database cannot be reached; nothing was saved. Try again in a few seconds";

  /** What the REST API and the views say when the disk is full. */
  public static final String DISK_MESSAGE =
      "the server is out of disk space; nothing was imported or saved. Tell its administrator";

  /** How long a client should wait before it tries again after a database outage. */
  public static final int RETRY_AFTER_SECONDS = 10;

  /** Hikari's message for a call on a connection it has closed, as broken. */
  private static final String CLOSED_CONNECTION = "Connection is closed";

  /** SQLSTATE 53100 (PostgreSQL: disk_full). */
  private static final String SQL_DISK_FULL = "53100";

  /** The fault somewhere in {@code e}'s causes, or null when it is none of these. */
  public static ServerFault of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (isDiskFull(t)) {
        return DISK_FULL;
      }
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (isConnectionFailure(t)) {
        return DATABASE_UNREACHABLE;
      }
    }
    return null;
  }

  /** Whether {@code e} means that the database cannot be reached. */
  public static boolean databaseUnreachable(Throwable e) {
    return of(e) == DATABASE_UNREACHABLE;
  }

  private static boolean isDiskFull(Throwable t) {
    if (t instanceof SQLException sql && SQL_DISK_FULL.equals(sql.getSQLState())) {
      return true;
    }
    String message = t.getMessage();
    return t instanceof IOException
        && message != null
        && (message.contains("No space left on device")
            || message.toLowerCase(Locale.ROOT).contains("not enough space on the disk"));
  }

  private static boolean isConnectionFailure(Throwable t) {
    if (t instanceof CannotGetJdbcConnectionException
        || t instanceof CannotCreateTransactionException
        || t instanceof DataAccessResourceFailureException
        || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException) {
      return true;
    }
    if (t instanceof SQLException && CLOSED_CONNECTION.equals(t.getMessage())) {
      // the pool's answer once it has thrown away a connection the database dropped (on the
      // rollback after the failed statement, which then hides the statement's own exception)
      return true;
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      // class 08: connection exception; 57P01-57P03: the server shuts down or is starting up
      return state.startsWith("08") || state.matches("57P0[123]");
    }
    return false;
  }
}
