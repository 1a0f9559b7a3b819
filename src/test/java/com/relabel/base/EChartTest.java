package com.relabel.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clicks come back from the browser as numbers. */
class EChartTest {

  @Test
  void clickValuesAreParsedAndHandedToListeners() {
    assertThat(EChart.numbers("[0.25,0.5,7,1234]")).containsExactly(0.25, 0.5, 7, 1234);
    assertThat(EChart.numbers("3")).containsExactly(3);
    assertThat(EChart.numbers("null")).isEmpty();
    assertThat(EChart.numbers("[1,\"x\"]")[1]).isNaN();

    var chart = new EChart();
    List<EChart.Click> heard = new ArrayList<>();
    var registration = chart.addItemClickListener(heard::add);
    chart.clickedForTest(2, 5, "", "[1,2,3]");
    registration.remove();
    chart.clickedForTest(0, 0, "", "[9]");
    assertThat(heard).hasSize(1);
    assertThat(heard.getFirst().seriesIndex()).isEqualTo(2);
    assertThat(heard.getFirst().value()).containsExactly(1, 2, 3);
  }
}
