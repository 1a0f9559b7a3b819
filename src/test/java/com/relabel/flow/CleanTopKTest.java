package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetImporter;
import com.relabel.review.BulkResult;
import com.relabel.review.CleanCandidate;
import com.relabel.review.CleanPreview;
import com.relabel.review.CleanTopK;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Clean top K through the real service on a real database (subclasses choose it; their chunk of 2
 * samples makes the keyset walk take several chunks): the preview counts exactly the open samples
 * at or above both thresholds whose suggestion differs, and applying corrects those and no other,
 * each with an audit row by the admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CleanTopKTest {

  @Autowired DatasetImporter importer;
  @Autowired CleanTopK clean;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void acceptsTheSuggestionOfExactlyTheOpenSamplesAboveBothThresholds() {
    Dataset dataset =
        importer.importImages(
            "clean-" + getClass().getSimpleName(), TestDatasets.mnist(20), null, null, "test");
    long id = dataset.getId();
    jdbc.update(
        "insert into training_run (dataset_id, kind, status, created_at, version)"
            + " values (?, 'IMPORTED', 'SUCCEEDED', current_timestamp, 0)",
        id);
    long run =
        jdbc.queryForObject(
            "select max(id) from training_run where dataset_id = ?", Long.class, id);
    // score = index / 100; the suggestion is the next class, sure (0.95) on even indexes only;
    // sample 19 is suggested its own label
    jdbc.update(
        "insert into sample_score (run_id, sample_id, score, suggested_label,"
            + " suggested_probability) select ?, id, sample_index / 100.0,"
            + " case when sample_index = 19 then current_label else mod(current_label + 1, 10) end,"
            + " case when mod(sample_index, 2) = 0 or sample_index = 19 then 0.95 else 0.5 end"
            + " from sample where dataset_id = ?",
        run,
        id);
    jdbc.update("update dataset set active_run_id = ? where id = ?", run, id);
    // sample 16 is decided already: left alone
    jdbc.update(
        "update sample set status = 'CONFIRMED', decided_by = 'anna', version = version + 1"
            + " where dataset_id = ? and sample_index = 16",
        id);
    List<Integer> before =
        jdbc.queryForList(
            "select current_label from sample where dataset_id = ? order by sample_index",
            Integer.class,
            id);

    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    assertThatThrownBy(() -> clean.preview(id, 0.1, 0.9, 3))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> clean.apply(id, 0.1, 0.9)).isInstanceOf(AccessDeniedException.class);

    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    assertThatThrownBy(() -> clean.preview(id, 0.1, 1.5, 3))
        .hasMessageContaining("minimum suggestion probability: between 0 and 1, not 1.5");
    // at or above 0.10 and 0.9, open, suggestion differs: 10, 12, 14, 18 (16 decided, 19 agrees)
    CleanPreview preview = clean.preview(id, 0.1, 0.9, 3);
    assertThat(preview.count()).isEqualTo(4);
    assertThat(preview.first()).extracting(CleanCandidate::sampleIndex).containsExactly(18, 14, 12);
    assertThat(preview.first().getFirst().suggestedLabel()).isEqualTo((before.get(18) + 1) % 10);

    BulkResult done = clean.apply(id, 0.1, 0.9);
    assertThat(done).isEqualTo(new BulkResult(4, 0));
    for (int index = 0; index < 20; index++) {
      boolean cleaned = List.of(10, 12, 14, 18).contains(index);
      assertThat(
              jdbc.queryForMap(
                  "select status, current_label, decided_by from sample"
                      + " where dataset_id = ? and sample_index = ?",
                  id,
                  index))
          .as("sample %d", index)
          .containsEntry("STATUS", cleaned ? "CORRECTED" : index == 16 ? "CONFIRMED" : "OPEN")
          .containsEntry(
              "CURRENT_LABEL", cleaned ? (before.get(index) + 1) % 10 : before.get(index));
    }
    assertThat(
            jdbc.queryForList(
                "select sample_index from audit_entry where dataset_id = ? and actor = 'admin'"
                    + " and action = 'CORRECT' order by sample_index",
                Integer.class,
                id))
        .containsExactly(10, 12, 14, 18);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry where dataset_id = ?", Integer.class, id))
        .isEqualTo(4);
    assertThat(clean.preview(id, 0.1, 0.9, 3).count()).isZero();
  }
}
