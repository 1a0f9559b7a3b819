package com.relabel.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.dataset.DatasetImporter;
import com.relabel.dataset.DatasetService;
import com.relabel.training.TrainingRuns;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo imports a small set of real e-mails beside MNIST (issue 15): through the text import,
 * with the seeded flips in the labels and the true labels kept aside, and queues a first run.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:demo-texts;DB_CLOSE_DELAY=-1",
      "relabel.demo.sample-limit=100",
      "relabel.demo.text-limit=200",
      "relabel.jobs.enabled=false"
    })
@ActiveProfiles("demo")
class DemoTextsTest {

  @Autowired DatasetService datasets;
  @Autowired DatasetImporter importer;
  @Autowired TrainingRuns runs;
  @Autowired JdbcTemplate jdbc;
  @Autowired DemoData demo;

  @Test
  void theDemoHoldsTheEmailsWithTenPercentOfTheirLabelsFlippedAndTheTrueOnesAside() {
    var spam = datasets.findByName(DemoData.TEXT_DATASET).orElseThrow();
    long id = spam.getId();
    assertThat(datasets.classNames(id)).containsExactly("ham", "spam");
    assertThat(count("select count(*) from sample where dataset_id = ?", id)).isEqualTo(200);
    assertThat(
            count(
                "select count(*) from sample s join sample_truth t on t.sample_id = s.id"
                    + " where s.dataset_id = ?",
                id))
        .isEqualTo(200);
    assertThat(
            count(
                "select count(*) from sample s join sample_truth t on t.sample_id = s.id"
                    + " where s.dataset_id = ? and t.true_label <> s.original_label",
                id))
        .isEqualTo(20);
    assertThat(
            count(
                "select count(*) from sample_content c join sample s on s.id = c.sample_id"
                    + " where s.dataset_id = ? and c.text_body like '%'",
                id))
        .isEqualTo(200);
    assertThat(runs.history(id)).hasSize(1);
  }

  @Test
  void aRestartFindsTheTextsInPlace() throws Exception {
    demo.run(new DefaultApplicationArguments());
    assertThat(count("select count(*) from dataset where name = ?", DemoData.TEXT_DATASET))
        .isEqualTo(1);
  }

  @Test
  void truthForOnlySomeSamplesIsRefusedWithTheSampleNamed() {
    var spam = datasets.findByName(DemoData.TEXT_DATASET).orElseThrow();
    long before = count("select count(*) from sample_truth");
    assertThatThrownBy(() -> importer.recordTruth(spam.getId(), Map.of("nope", "ham")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no true label for sample");
    assertThat(count("select count(*) from sample_truth")).isEqualTo(before);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
