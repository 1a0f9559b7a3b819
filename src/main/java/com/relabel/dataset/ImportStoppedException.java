package com.relabel.dataset;

/**
 * An import was stopped before it finished because the application is shutting down; its
 * transaction rolls back, so nothing of it is kept (issue 15).
 */
public class ImportStoppedException extends RuntimeException {

  public ImportStoppedException(String message) {
    super(message);
  }
}
