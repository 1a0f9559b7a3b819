package com.relabel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Kappa against worked textbook examples, whose figures were computed by hand. */
class KappaTest {

  /**
   * The yes/no table of Cohen's kappa as textbooks work it (and Wikipedia's "Cohen's kappa"): 50
   * items, both yes 20, first yes second no 5, first no second yes 10, both no 15. p_o = 35/50 =
   * 0.7; p_e = 25/50 * 30/50 + 25/50 * 20/50 = 0.3 + 0.2 = 0.5; kappa = (0.7 - 0.5) / 0.5 = 0.4.
   */
  @Test
  void cohenOfTheYesNoTableIsFourTenths() {
    int[] first = new int[50];
    int[] second = new int[50];
    fill(first, second, 0, 20, 0, 0); // yes = 0, no = 1
    fill(first, second, 20, 25, 0, 1);
    fill(first, second, 25, 35, 1, 0);
    fill(first, second, 35, 50, 1, 1);
    assertThat(Kappa.cohen(first, second)).isCloseTo(0.4, within(1e-12));
  }

  /**
   * Fleiss' worked example (Wikipedia, "Fleiss' kappa"): 10 items, 14 raters, 5 categories. By
   * hand: the column shares are 20, 28, 39, 21, 32 of 140, so P_e = 0.2128; the rows' P_i average
   * to P-bar = 0.3780; kappa = (0.3780 - 0.2128) / (1 - 0.2128) = 0.210.
   */
  @Test
  void fleissOfTheTenItemExampleIsPoint210() {
    int[][] counts = {
      {0, 0, 0, 0, 14},
      {0, 2, 6, 4, 2},
      {0, 0, 3, 5, 6},
      {0, 3, 9, 2, 0},
      {2, 2, 8, 1, 1},
      {7, 7, 0, 0, 0},
      {3, 2, 6, 3, 0},
      {2, 5, 3, 2, 2},
      {6, 5, 2, 1, 0},
      {0, 2, 2, 3, 7}
    };
    assertThat(Kappa.fleiss(counts)).isCloseTo(0.210, within(0.0005));
  }

  /**
   * Two raters who always agree score 1 and two who never do score below 0; with one category only,
   * kappa is not defined.
   */
  @Test
  void perfectOppositeAndUndefinedAgreement() {
    int[] a = {0, 1, 2, 0, 1};
    assertThat(Kappa.cohen(a, a)).isEqualTo(1.0);
    assertThat(Kappa.fleiss(new int[][] {{2, 0}, {0, 2}})).isEqualTo(1.0);
    assertThat(Kappa.cohen(new int[] {0, 1, 0, 1}, new int[] {1, 0, 1, 0})).isEqualTo(-1.0);
    assertThat(Kappa.cohen(new int[] {0, 0}, new int[] {0, 0})).isNaN();
  }

  /**
   * With two raters per item Fleiss' kappa pools both raters' shares (Scott's pi): here 2 items
   * agree of 4, the pooled shares are 1/2 and 1/2, so kappa = (0.5 - 0.5) / 0.5 = 0.
   */
  @Test
  void fleissWithTwoRatersIsScottsPi() {
    assertThat(Kappa.fleiss(new int[][] {{2, 0}, {0, 2}, {1, 1}, {1, 1}}))
        .isCloseTo(0.0, within(1e-12));
  }

  @Test
  void badInputIsRefusedWithItsReason() {
    assertThatThrownBy(() -> Kappa.fleiss(new int[][] {{1, 0}}))
        .hasMessageContaining("item 0 has 1 rating(s)");
    assertThatThrownBy(() -> Kappa.cohen(new int[] {0}, new int[] {0, 1}))
        .hasMessageContaining("two ratings of each item");
  }

  private static void fill(int[] first, int[] second, int from, int to, int a, int b) {
    Arrays.fill(first, from, to, a);
    Arrays.fill(second, from, to, b);
  }

  /**
   * Krippendorff's own example with missing data (K. Krippendorff, "Computing Krippendorff's
   * Alpha-Reliability", 2011, section C, "Nominal data, any number of observers, missing data"): 4
   * observers, 12 units, values 1-5, some values missing; unit 12 has a single value and drops out.
   * The paper's coincidence matrix has n = 40 pairable values (n_k = 9, 13, 10, 5, 3) and gives
   * alpha = 0.743 (exactly 113/152); R's irr::kripp.alpha gives the same on it.
   */
  @Test
  void krippendorffOfThePapersMissingDataExampleIsPoint743() {
    int[][] values = {
      {1, 1, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
      {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {5, 5, 5}, {1, 1}, {3}
    };
    int[][] counts = new int[values.length][5];
    for (int i = 0; i < values.length; i++) {
      for (int v : values[i]) {
        counts[i][v - 1]++;
      }
    }
    assertThat(Kappa.krippendorff(counts)).isCloseTo(0.743, within(0.0005));
    // by hand from the paper's matrix: sum o_kk = 32, sum n_k (n_k - 1) = 72 + 156 + 90 + 20 + 6
    // = 344; alpha = (39 * 32 - 344) / (40 * 39 - 344) = 904 / 1216 = 113 / 152
    assertThat(Kappa.krippendorff(counts)).isCloseTo(113.0 / 152, within(1e-12));
  }

  /** Every rating in one category: chance explains it all, alpha is undefined, as kappa is. */
  @Test
  void krippendorffIsUndefinedWhenEveryRatingAgreesOnOneCategory() {
    assertThat(Kappa.krippendorff(new int[][] {{2, 0}, {3, 0}, {1, 0}})).isNaN();
    assertThat(Kappa.krippendorff(new int[][] {{1, 0}, {0, 1}})).as("nothing pairable").isNaN();
  }
}
