package com.relabel.training.ui;

import com.relabel.base.JsonText;
import com.relabel.training.RunCharts;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** ECharts options (JSON) for a run's pictures. */
final class RunChartOptions {

  private RunChartOptions() {}

  /** A bar per bin, labelled with the bin's lower edge. */
  static String histogram(RunCharts.ScoreHistogram h) {
    String categories =
        IntStream.range(0, h.counts().length)
            .mapToObj(
                i -> JsonText.quote(String.format(Locale.ROOT, "%.3g", h.min() + i * h.width())))
            .collect(Collectors.joining(","));
    String counts =
        java.util.Arrays.stream(h.counts())
            .mapToObj(Long::toString)
            .collect(Collectors.joining(","));
    return """
        {"animation":false,
         "title":{"text":"Score: %s (%,d samples)","left":"center","textStyle":{"fontSize":14}},
         "grid":{"left":60,"right":20,"top":40,"bottom":60},
         "tooltip":{"trigger":"axis"},
         "xAxis":{"type":"category","name":"score (bin start)","nameLocation":"middle","nameGap":35,
                  "data":[%s]},
         "yAxis":{"type":"value","name":"samples"},
         "series":[{"type":"bar","barCategoryGap":"5%%","itemStyle":{"color":"#5470c6"},"data":[%s]}]}
        """
        .formatted(JsonText.escape(h.method()), h.total(), categories, counts);
  }

  /**
   * A heatmap: rows = given label (y), columns = suggested label (x), cells {@code [x, y, count]};
   * the colour scale tops out at the largest off-diagonal count so that confusions stand out.
   */
  static String confusion(RunCharts.ConfusionMatrix m, List<String> classNames) {
    int k = m.numClasses();
    long maxOff = 1;
    StringBuilder cells = new StringBuilder();
    for (int g = 0; g < k; g++) {
      for (int s = 0; s < k; s++) {
        long count = m.counts()[g][s];
        if (g != s) {
          maxOff = Math.max(maxOff, count);
        }
        if (count > 0) {
          if (!cells.isEmpty()) {
            cells.append(',');
          }
          cells.append('[').append(s).append(',').append(g).append(',').append(count).append(']');
        }
      }
    }
    String names =
        IntStream.range(0, k)
            .mapToObj(
                i ->
                    JsonText.quote(i < classNames.size() ? classNames.get(i) : Integer.toString(i)))
            .collect(Collectors.joining(","));
    return """
        {"animation":false,
         "title":{"text":"Given vs suggested label (%,d disagree); click a cell to open those samples",
                  "left":"center","textStyle":{"fontSize":14}},
         "grid":{"left":80,"right":90,"top":40,"bottom":60},
         "tooltip":{"position":"top"},
         "xAxis":{"type":"category","name":"suggested","nameLocation":"middle","nameGap":35,
                  "data":[%s],"splitArea":{"show":true}},
         "yAxis":{"type":"category","name":"given","inverse":true,"data":[%s],
                  "splitArea":{"show":true}},
         "visualMap":{"min":0,"max":%d,"calculable":true,"orient":"vertical","right":10,"top":"middle",
                      "inRange":{"color":["#f7fbff","#fdae61","#d7301f"]}},
         "series":[{"type":"heatmap","label":{"show":true},"data":[%s]}]}
        """
        .formatted(m.disagreements(), names, names, maxOff, cells);
  }
}
