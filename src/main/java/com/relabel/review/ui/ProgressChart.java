package com.relabel.review.ui;

import com.relabel.base.JsonText;
import com.relabel.review.AnnotatorDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The ECharts option of decisions per day, one stacked bar series per annotator. */
final class ProgressChart {
  private ProgressChart() {}

  static String option(List<AnnotatorDay> days) {
    TreeSet<LocalDate> dates =
        days.stream().map(AnnotatorDay::day).collect(Collectors.toCollection(TreeSet::new));
    Map<String, Map<LocalDate, Long>> byAnnotator = new TreeMap<>();
    for (AnnotatorDay d : days) {
      byAnnotator.computeIfAbsent(d.annotator(), a -> new TreeMap<>()).put(d.day(), d.decisions());
    }
    String xAxis =
        dates.stream().map(d -> JsonText.quote(d.toString())).collect(Collectors.joining(","));
    String series =
        byAnnotator.entrySet().stream()
            .map(
                e ->
                    """
                    {"name":%s,"type":"bar","stack":"decisions","data":[%s]}"""
                        .formatted(
                            JsonText.quote(e.getKey()),
                            dates.stream()
                                .map(d -> Long.toString(e.getValue().getOrDefault(d, 0L)))
                                .collect(Collectors.joining(","))))
            .collect(Collectors.joining(","));
    return """
        {"animation":false,"tooltip":{"trigger":"axis"},"legend":{"top":0},
         "grid":{"left":50,"right":20,"top":40,"bottom":30},
         "xAxis":{"type":"category","data":[%s]},
         "yAxis":{"type":"value","name":"decisions"},
         "series":[%s]}
        """
        .formatted(xAxis, series);
  }
}
