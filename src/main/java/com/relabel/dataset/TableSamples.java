package com.relabel.dataset;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of table datasets as reviewers see them (decision 0045): a row's values beside what is
 * typical of a class, the mean of a numeric column or the most frequent value of a categorical one,
 * computed from the stored features and the current labels.
 */
@Service
@Transactional(readOnly = true)
public class TableSamples {

  /** The {@code sample_embedding.model} of a table row's encoded features. */
  public static final String MODEL = "table";

  /** How long a dataset's class summaries are reused: labels change one decision at a time. */
  static final Duration FRESH = Duration.ofMinutes(1);

  /** One feature column of one row: its value and the typical value of two classes. */
  public record Line(String column, String value, String givenClass, String suggestedClass) {}

  private record Summaries(Instant at, String[][] typical) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Map<Long, Summaries> summaries = new ConcurrentHashMap<>();

  TableSamples(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
  }

  /** How the dataset's table is encoded, or empty when it is not a table. */
  public Optional<TableSchema> schema(long datasetId) {
    return jdbc
        .queryForList("select table_schema from dataset where id = ?", String.class, datasetId)
        .stream()
        .filter(json -> json != null)
        .findFirst()
        .map(TableSchema::fromJson);
  }

  /**
   * The feature columns of a table sample, in file order, with the typical value of the class it is
   * labelled ({@code given}) and of the class suggested; empty when the sample is not a table row.
   */
  public List<Line> compare(long sampleId, int given, int suggested) {
    List<Object[]> found =
        jdbc.query(
            "select s.dataset_id, c.text_body from sample s join sample_content c"
                + " on c.sample_id = s.id where s.id = ?",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)},
            sampleId);
    if (found.isEmpty()) {
      return List.of();
    }
    long datasetId = (Long) found.getFirst()[0];
    Optional<TableSchema> schema = schema(datasetId);
    if (schema.isEmpty()) {
      return List.of();
    }
    List<String> cells = TableRows.cells((String) found.getFirst()[1]);
    String[][] typical = typical(datasetId, schema.get());
    List<Line> lines = new ArrayList<>();
    List<TableColumn> features = schema.get().features();
    for (int j = 0; j < features.size(); j++) {
      lines.add(
          new Line(
              features.get(j).name(),
              cells.get(features.get(j).position()),
              at(typical, given, j),
              at(typical, suggested, j)));
    }
    return lines;
  }

  private static String at(String[][] typical, int k, int column) {
    return k >= 0 && k < typical.length ? typical[k][column] : "";
  }

  /** {@code [class][feature column]}: the typical value, reused for {@link #FRESH}. */
  private String[][] typical(long datasetId, TableSchema schema) {
    Instant now = clock.instant();
    Summaries cached = summaries.get(datasetId);
    if (cached != null && cached.at().plus(FRESH).isAfter(now)) {
      return cached.typical();
    }
    String[][] typical = summarise(datasetId, schema);
    summaries.put(datasetId, new Summaries(now, typical));
    return typical;
  }

  /** Sums the stored features per current class (excluded rows left out) and decodes them. */
  private String[][] summarise(long datasetId, TableSchema schema) {
    int classes =
        jdbc.queryForObject(
            "select num_classes from dataset where id = ?", Integer.class, datasetId);
    int width = schema.width();
    double[][] sums = new double[classes][width];
    long[] counts = new long[classes];
    jdbc.query(
        "select s.current_label, e.vector from sample s join sample_embedding e"
            + " on e.sample_id = s.id and e.model = ? where s.dataset_id = ?"
            + " and s.status <> 'EXCLUDED'",
        rs -> {
          int k = rs.getInt(1);
          float[] v = TextVectors.fromBytes(rs.getBytes(2));
          counts[k]++;
          for (int f = 0; f < width; f++) {
            sums[k][f] += v[f];
          }
        },
        MODEL,
        datasetId);
    List<TableColumn> features = schema.features();
    String[][] typical = new String[classes][features.size()];
    for (int k = 0; k < classes; k++) {
      int at = 0;
      for (int j = 0; j < features.size(); j++) {
        typical[k][j] = typical(features.get(j), sums[k], at, counts[k]);
        at += features.get(j).width();
      }
    }
    return typical;
  }

  /**
   * A numeric column's mean over the class's rows that have a value (an empty cell was stored as
   * the column mean, 0 once standardised, and flagged), or a categorical column's most frequent
   * level; "" for a class without rows.
   */
  static String typical(TableColumn column, double[] sums, int at, long rows) {
    if (rows == 0) {
      return "";
    }
    if (column.numeric()) {
      double missing = column.hasMissing() ? sums[at + 1] : 0;
      double withValue = rows - Math.round(missing);
      if (withValue <= 0) {
        return TableColumn.MISSING;
      }
      double mean = column.mean() + column.spread() * sums[at] / withValue;
      return new BigDecimal(mean).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
    int best = 0;
    for (int l = 1; l < column.levels().size(); l++) {
      if (sums[at + l] > sums[at + best]) {
        best = l;
      }
    }
    return column.levels().get(best);
  }
}
