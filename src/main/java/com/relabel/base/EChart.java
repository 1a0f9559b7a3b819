package com.relabel.base;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

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
                + "   new ResizeObserver(() => chart.resize()).observe(el); }"
                + " chart.setOption(option, true); el.dataset.rendered = 'true'; };"
                + "draw();",
            optionJson);
  }
}
