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

  private final DatasetService datasets;
  private final JdbcTemplate jdbc;

  DataMap(DatasetService datasets, JdbcTemplate jdbc) {
    this.datasets = datasets;
    this.jdbc = jdbc;
  }

  /** Points {@code [variability, confidence, correctness, sampleIndex]}, in one JSON option. */
  public String echartsOption(long datasetId) {
    Long runId = datasets.get(datasetId).getActiveRunId();
    var data = new StringBuilder("[");
    if (runId != null) {
      jdbc.query(
          "select sc.variability, sc.confidence, sc.correctness, s.sample_index"
              + " from sample_score sc join sample s on s.id = sc.sample_id where sc.run_id = ?",
          rs -> {
            if (data.length() > 1) {
              data.append(',');
            }
            data.append(
                String.format(
                    Locale.ROOT,
                    "[%.4f,%.4f,%.3f,%d]",
                    rs.getDouble(1),
                    rs.getDouble(2),
                    rs.getDouble(3),
                    rs.getInt(4)));
          },
          runId);
    }
    data.append(']');
    return """
        {"animation":false,
         "grid":{"left":60,"right":120,"top":20,"bottom":50},
         "tooltip":{"trigger":"item"},
         "xAxis":{"name":"variability","nameLocation":"middle","nameGap":30,"min":0,"max":0.5},
         "yAxis":{"name":"confidence","nameLocation":"middle","nameGap":40,"min":0,"max":1},
         "visualMap":{"dimension":2,"min":0,"max":1,"calculable":true,"right":10,"top":"middle",
                      "text":["correct","wrong"],
                      "inRange":{"color":["#d7301f","#fdae61","#1a9850"]}},
         "series":[{"type":"scatter","symbolSize":3,"large":true,"largeThreshold":2000,
                    "data":%s}]}
        """
        .formatted(data);
  }
}
