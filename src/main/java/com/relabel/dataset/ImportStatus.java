package com.relabel.dataset;

import java.time.Instant;

/**
 * Where one background import stands ({@link ImportBoard}).
 *
 * @param id its number on the board (not a dataset's id: there is no dataset until it is done)
 * @param format "Text" or "Table"
 * @param startedBy the user who started it
 * @param written how many samples are written (and encoded, for texts)
 * @param total how many the file holds, {@code -1} while the file is being checked
 * @param failure why it failed, in the words the import page shows, or {@code null}
 * @param endedAt when it succeeded or failed, or {@code null} while it runs
 */
public record ImportStatus(
    long id,
    String name,
    String format,
    String startedBy,
    Instant startedAt,
    int written,
    int total,
    String failure,
    Instant endedAt) {

  static ImportStatus started(
      long id, String name, String format, String startedBy, Instant startedAt) {
    return new ImportStatus(id, name, format, startedBy, startedAt, 0, -1, null, null);
  }

  /** Still running. */
  public boolean running() {
    return endedAt == null;
  }

  public boolean failed() {
    return failure != null;
  }

  /** Done, its dataset written. */
  public boolean succeeded() {
    return endedAt != null && failure == null;
  }

  /** The file is checked and its size known. */
  public boolean checked() {
    return total >= 0;
  }

  ImportStatus progressed(int written, int total) {
    return new ImportStatus(id, name, format, startedBy, startedAt, written, total, null, null);
  }

  ImportStatus succeeded(Instant at) {
    return new ImportStatus(id, name, format, startedBy, startedAt, written, total, null, at);
  }

  ImportStatus failed(String reason, Instant at) {
    return new ImportStatus(id, name, format, startedBy, startedAt, written, total, reason, at);
  }
}
