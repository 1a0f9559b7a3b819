package com.relabel.base;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chart drawn by Apache ECharts in the browser. ECharts comes from its WebJar, loaded at run time
 * (no frontend build); the option object is handed over as JSON. Clicks on data items come back to
 * the server as {@link Click}s (see {@link #addItemClickListener}).
 */
public class EChart extends Div {

  static final String SCRIPT = "webjars/echarts/5.5.0/echarts.min.js";

  private String optionJson = "{}";
  private final List<SerializableConsumer<Click>> clickListeners = new ArrayList<>();

  /**
   * A click on a data item.
   *
   * @param seriesIndex the item's series
   * @param dataIndex the item's index in its series' data
   * @param name the item's (or category's) name, empty when it has none
   * @param value the item's value as numbers (a scatter point's coordinates and extra dimensions, a
   *     heatmap cell's {@code [x, y, count]}, a bar's height); non-numbers are NaN
   */
  public record Click(int seriesIndex, int dataIndex, String name, double[] value) {}

  public EChart() {
    setWidthFull();
    setHeight("600px");
  }

  /** Sets the ECharts option (https://echarts.apache.org/en/option.html) as a JSON string. */
  public void setOption(String json) {
    this.optionJson = json;
    render();
  }

  /** Hears clicks on the chart's data items (points, cells, bars), on the server. */
  public Registration addItemClickListener(SerializableConsumer<Click> listener) {
    clickListeners.add(listener);
    return () -> clickListeners.remove(listener);
  }

  @ClientCallable
  private void clicked(int seriesIndex, int dataIndex, String name, String value) {
    Click click = new Click(seriesIndex, dataIndex, name, numbers(value));
    List.copyOf(clickListeners).forEach(l -> l.accept(click));
  }

  /** What the browser calls on a click; for tests of listeners without a browser. */
  void clickedForTest(int seriesIndex, int dataIndex, String name, String value) {
    clicked(seriesIndex, dataIndex, name, value);
  }

  /** "[0.1,0.5,7]" or "3" to numbers; anything else in a slot is NaN. */
  static double[] numbers(String value) {
    if (value == null || value.isBlank() || value.equals("null")) {
      return new double[0];
    }
    String inner = value.trim();
    if (inner.startsWith("[") && inner.endsWith("]")) {
      inner = inner.substring(1, inner.length() - 1);
    }
    if (inner.isBlank()) {
      return new double[0];
    }
    return Arrays.stream(inner.split(","))
        .mapToDouble(
            part -> {
              try {
                return Double.parseDouble(part.trim().replace("\"", ""));
              } catch (NumberFormatException e) {
                return Double.NaN;
              }
            })
        .toArray();
  }

  @Override
  protected void onAttach(AttachEvent event) {
    event.getUI().getPage().addJavaScript(SCRIPT);
    render();
  }

  private void render() {
    getElement()
        .executeJs(
            "const el = this; const option = JSON.parse($0);"
                + "const draw = () => { if (!window.echarts) { setTimeout(draw, 50); return; }"
                + " let chart = echarts.getInstanceByDom(el);"
                + " if (!chart) { chart = echarts.init(el);"
                + "   new ResizeObserver(() => chart.resize()).observe(el);"
                + "   chart.on('click', p => el.$server.clicked(p.seriesIndex ?? 0,"
                + "     p.dataIndex ?? -1, String(p.name ?? ''), JSON.stringify(p.value ?? null))); }"
                + " chart.setOption(option, true); el.dataset.rendered = 'true'; };"
                + "draw();",
            optionJson);
  }
}
