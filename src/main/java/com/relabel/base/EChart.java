package com.relabel.base;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A chart drawn by Apache ECharts in the browser. ECharts comes from its WebJar, loaded at run time
 * (no frontend build); the option object is handed over as JSON.
 */
public class EChart extends Div {

  static final String SCRIPT = "webjars/echarts/5.5.0/echarts.min.js";

  private String optionJson = "{}";

  public EChart() {
    setWidthFull();
    setHeight("600px");
  }

  /**
   * Calls {@code listener} with the value of the data point a user clicks (e.g. {@code [x, y,
   * id]}), as numbers.
   */
  public Registration addPointClickListener(Consumer<List<Double>> listener) {
    return getElement()
        .addEventListener(
            "point-click",
            e -> {
              List<Double> value = new ArrayList<>();
              e.getEventData().get("event.detail.value").forEach(v -> value.add(v.asDouble()));
              listener.accept(value);
            })
        .addEventData("event.detail.value");
  }

  /** Sets the ECharts option (https://echarts.apache.org/en/option.html) as a JSON string. */
  public void setOption(String json) {
    this.optionJson = json;
    render();
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
                + "   chart.on('click', p => el.dispatchEvent(new CustomEvent('point-click',"
                + "     {detail: {value: Array.isArray(p.value) ? p.value : [p.value]}})));"
                + "   new ResizeObserver(() => chart.resize()).observe(el); }"
                + " chart.setOption(option, true); el.dataset.rendered = 'true'; };"
                + "draw();",
            optionJson);
  }
}
