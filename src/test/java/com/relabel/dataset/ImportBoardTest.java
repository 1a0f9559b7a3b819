package com.relabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start page's board of imports: a running one with its progress, a done one leaves it (its
 * subscribers told it succeeded), a failed one stays with its reason for {@link
 * ImportBoard#FAILURE_SHOWN} and no longer.
 */
class ImportBoardTest {

  private Instant now = Instant.parse("2026-12-06T12:00:00Z");
  private final ImportBoard board =
      new ImportBoard(
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now;
            }
          });

  @Test
  void listsRunningImportsWithProgressAndForgetsThemWhenDone() {
    List<ImportBoard.Change> heard = new ArrayList<>();
    board.subscribe(heard::add);
    long topics = board.started("Topics", "Text", "admin");
    long table = board.started("Table", "Table", "ada");
    assertThat(board.current()).extracting(ImportStatus::checked).containsExactly(false, false);

    board.progressed(topics, 1000, 2000);
    assertThat(board.current().getFirst())
        .extracting(ImportStatus::written, ImportStatus::total, ImportStatus::startedBy)
        .containsExactly(1000, 2000, "admin");

    board.succeeded(topics);
    assertThat(board.current()).extracting(ImportStatus::id).containsExactly(table);
    ImportBoard.Change last = heard.getLast();
    assertThat(last.changed().succeeded()).isTrue();
    assertThat(last.board()).extracting(ImportStatus::name).containsExactly("Table");
    assertThat(heard).hasSize(4);
  }

  @Test
  void aFailureStaysListedForAWhileThenGoes() {
    long id = board.started("Broken", "Text", "admin");
    board.failed(id, "broken.jsonl, line 2: not valid JSON");
    now = now.plus(ImportBoard.FAILURE_SHOWN).minus(Duration.ofSeconds(1));
    assertThat(board.current())
        .singleElement()
        .extracting(ImportStatus::failure)
        .isEqualTo("broken.jsonl, line 2: not valid JSON");

    now = now.plus(Duration.ofSeconds(2));
    assertThat(board.current()).isEmpty();
  }

  @Test
  void anImportStoppedAtShutdownLeavesNoFailureBehind() {
    List<ImportBoard.Change> heard = new ArrayList<>();
    board.subscribe(heard::add);
    long id = board.started("Stopped", "Table", "admin");
    board.stopped(id);
    // a late word from the stopped import changes nothing, and nobody hears of it
    board.progressed(id, 10, 20);
    board.failed(id, "interrupted");
    assertThat(board.current()).isEmpty();
    assertThat(heard).as("what subscribers heard").hasSize(1);
    assertThat(heard.getFirst().changed().name()).isEqualTo("Stopped");
  }
}
