package com.relabel.training;

import com.relabel.dataset.DatasetService;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cartography data map of a dataset's active run, as an ECharts scatter option. */
@Service
@Transactional(readOnly = true)
public class DataMap {

  /**
   * Where a point's value holds the sample's index in the dataset: the number the views show and
   * {@code review/<dataset>?sample=} takes.
   */
  public static final int SAMPLE_INDEX_DIMENSION = 2;

  /** Where a point's value holds the sample's database id. */
  public static final int SAMPLE_ID_DIMENSION = 3;

  private final DatasetService datasets;
  private final JdbcTemplate jdbc;

  DataMap(DatasetService datasets, JdbcTemplate jdbc) {
    this.datasets = datasets;
    this.jdbc = jdbc;
  }

  /**
   * Points {@code [variability, confidence, sampleIndex, sampleId]} in three series by correctness
   * (ECharts' large mode, which draws hundreds of thousands of points smoothly, has one colour per
   * series); the sample index lets a click open the sample ({@link #SAMPLE_INDEX_DIMENSION}).
   */
  public String echartsOption(long datasetId) {
    Long runId = datasets.get(datasetId).getActiveRunId();
    StringBuilder[] bins = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
    if (runId != null) {
      jdbc.query(
          "select sc.variability, sc.confidence, sc.correctness, s.sample_index, s.id"
              + " from sample_score sc join sample s on s.id = sc.sample_id where sc.run_id = ?",
          rs -> {
            double correctness = rs.getDouble(3);
            StringBuilder bin = bins[correctness < 1 / 3.0 ? 0 : correctness < 2 / 3.0 ? 1 : 2];
            if (!bin.isEmpty()) {
              bin.append(',');
            }
            bin.append(
                String.format(
                    Locale.ROOT,
                    "[%.4f,%.4f,%d,%d]",
                    rs.getDouble(1),
                    rs.getDouble(2),
                    rs.getInt(4),
                    rs.getLong(5)));
          },
          runId);
    }
    return """
        {"animation":false,
         "grid":{"left":60,"right":30,"top":40,"bottom":50},
         "legend":{"top":0},
         "tooltip":{"trigger":"item"},
         "xAxis":{"name":"variability","nameLocation":"middle","nameGap":30,"min":0,"max":0.5},
         "yAxis":{"name":"confidence","nameLocation":"middle","nameGap":40,"min":0,"max":1},
         "series":[%s,%s,%s]}
        """
        .formatted(
            series("correct in under 1/3 of epochs", "#d7301f", bins[0]),
            series("correct in 1/3 to 2/3", "#fdae61", bins[1]),
            series("correct in over 2/3", "#1a9850", bins[2]));
  }

  private static String series(String name, String color, StringBuilder data) {
    return """
        {"name":"%s","type":"scatter","symbolSize":3,"large":true,"largeThreshold":2000,
         "itemStyle":{"color":"%s"},"data":[%s]}"""
        .formatted(name, color, data);
  }
}
