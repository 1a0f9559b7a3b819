package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.training.RunArtifacts;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * How long reading one sample's row of a 60,000-sample run takes (not part of the suite: run with
 * {@code -Dtest=RunArtifactsTiming}). Writes a synthetic run: 60,000 sample ids, 60,000 x 10
 * probabilities and 60,000 x 10 neighbours.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:flow;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class RunArtifactsTiming {

  static final int N = 60_000;

  @Autowired RunArtifacts artifacts;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @Test
  void oneRowOfASixtyThousandSampleRun() {
    jdbc.update(
        "insert into dataset (name, kind, num_classes, created_at, version)"
            + " values ('timing', 'IMAGE', 10, ?, 0)",
        java.sql.Timestamp.from(Instant.now()));
    long dataset = jdbc.queryForObject("select id from dataset where name = 'timing'", Long.class);
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, created_at, version)"
            + " values (?, 'TRAINED', 'SUCCEEDED', ?, 0)",
        dataset,
        java.sql.Timestamp.from(Instant.now()));
    long run =
        jdbc.queryForObject(
            "select max(id) from training_run where dataset_id = ?", Long.class, dataset);
    var ids = ByteBuffer.allocate(N * 8).order(ByteOrder.LITTLE_ENDIAN);
    var probs = ByteBuffer.allocate(N * 40).order(ByteOrder.LITTLE_ENDIAN);
    var near = ByteBuffer.allocate(N * 40).order(ByteOrder.LITTLE_ENDIAN);
    Random random = new Random(1);
    for (int i = 0; i < N; i++) {
      ids.putLong(1_000_000L + i);
      for (int c = 0; c < 10; c++) {
        probs.putFloat(random.nextFloat());
        near.putInt(random.nextInt(N));
      }
    }
    insert(run, "sample_ids", 1, ids.array());
    insert(run, "final_probabilities", 10, probs.array());
    insert(run, RunArtifacts.NEIGHBOURS, 10, near.array());
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");

    long first = System.nanoTime();
    artifacts.probabilities(run, 1_000_000L);
    long firstMicros = (System.nanoTime() - first) / 1000;
    int reads = 2000;
    long start = System.nanoTime();
    for (int i = 0; i < reads; i++) {
      long id = 1_000_000L + random.nextInt(N);
      assertThat(artifacts.probabilities(run, id)).get().satisfies(p -> assertThat(p).hasSize(10));
      assertThat(artifacts.neighbours(run, id, 8)).hasSize(8);
    }
    long micros = (System.nanoTime() - start) / 1000 / reads;
    System.out.printf(
        "RunArtifacts on H2, %,d samples: first read (loads sample ids) %,d us; then"
            + " probabilities + neighbours of one sample %,d us%n",
        N, firstMicros, micros);
    TestLogins.logout(securityContexts);
  }

  private void insert(long run, String name, int cols, byte[] data) {
    jdbc.update(
        "insert into run_artifact (run_id, name, rows_count, cols_count, data)"
            + " values (?, ?, ?, ?, ?)",
        run,
        name,
        N,
        cols,
        data);
  }
}
