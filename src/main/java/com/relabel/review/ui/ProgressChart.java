package com.relabel.review.ui;

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
    String xAxis = dates.stream().map(d -> json(d.toString())).collect(Collectors.joining(","));
    String series =
        byAnnotator.entrySet().stream()
            .map(
                e ->
                    """
                    {"name":%s,"type":"bar","stack":"decisions","data":[%s]}"""
                        .formatted(
                            json(e.getKey()),
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

  /** A JSON string literal. */
  static String json(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
