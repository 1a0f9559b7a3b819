package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Near-duplicates and outliers on seeded clusters with planted issues: three classes around three
 * orthogonal directions in 16 dimensions, two copies with a little noise (one under another label),
 * and two samples pointing away from every class.
 */
class EmbeddingIssuesTest {

  static final int DIM = 16;
  static final int PER_CLASS = 100;

  /** Rows 0-299: classes 0, 1, 2; 300: near-copy of 5 (same label); 301: of 150 (other label). */
  static final int COPY_SAME = 300;

  static final int COPY_OTHER = 301;

  /** Rows 302, 303: along dimensions no class uses. */
  static final int[] FAR = {302, 303};

  @Test
  void findsThePlantedCopiesAndFlagsTheOneWithAnotherLabel() {
    float[][] embeddings = planted(new Random(7));
    int[] labels = labels();
    var found = EmbeddingIssues.find(embeddings, labels, 3, Neighbours.search(embeddings, 10, 1));

    assertThat(found.nearDuplicates())
        .contains(
            new EmbeddingIssues.NearDuplicate(5, COPY_SAME, distance(found, 5, COPY_SAME), true),
            new EmbeddingIssues.NearDuplicate(
                150, COPY_OTHER, distance(found, 150, COPY_OTHER), false));
    // ordinary members of a cluster are near each other, but not near-duplicates
    assertThat(found.nearDuplicates()).hasSize(2);
    assertThat(found.radius()).isPositive();
  }

  @Test
  void theSamplesFarFromEveryClassAreTheOutliersFarthestFirst() {
    float[][] embeddings = planted(new Random(7));
    var found = EmbeddingIssues.find(embeddings, labels(), 3, Neighbours.search(embeddings, 10, 1));
    // the planted two are the farthest; Tukey's fence may add a few of a cluster's own tail
    assertThat(Arrays.copyOf(found.outliers(), 2)).containsExactlyInAnyOrder(FAR);
    assertThat(found.outliers()).hasSizeLessThan(10);
    double[] distances =
        Arrays.stream(found.outliers()).mapToDouble(i -> found.centroidDistance()[i]).toArray();
    assertThat(distances).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    assertThat(distances[distances.length - 1]).isGreaterThan(found.fence());
    long inside = Arrays.stream(found.centroidDistance()).filter(d -> d <= found.fence()).count();
    assertThat(inside).isEqualTo(found.centroidDistance().length - found.outliers().length);
  }

  @Test
  void mismatchedInputsAndLabelsOutOfRangeAreRefusedWithTheirNumbers() {
    float[][] embeddings = {{1, 0}, {0, 1}};
    Neighbours neighbours = new Neighbours(new int[][] {{1}, {0}});
    assertThatThrownBy(() -> EmbeddingIssues.find(embeddings, new int[] {0}, 2, neighbours))
        .hasMessageContaining("2 embeddings, 1 labels");
    assertThatThrownBy(() -> EmbeddingIssues.find(embeddings, new int[] {0, 5}, 2, neighbours))
        .hasMessageContaining("sample 1 has label 5");
  }

  private static double distance(EmbeddingIssues.Found found, int a, int b) {
    return found.nearDuplicates().stream()
        .filter(p -> p.first() == a && p.second() == b)
        .mapToDouble(EmbeddingIssues.NearDuplicate::distance)
        .findFirst()
        .orElse(-1);
  }

  static int[] labels() {
    int[] labels = new int[PER_CLASS * 3 + 4];
    for (int i = 0; i < PER_CLASS * 3; i++) {
      labels[i] = i / PER_CLASS;
    }
    labels[COPY_SAME] = 0;
    labels[COPY_OTHER] = 0; // a copy of a class-1 sample, labelled 0
    labels[FAR[0]] = 2;
    labels[FAR[1]] = 1;
    return labels;
  }

  static float[][] planted(Random random) {
    float[][] rows = new float[PER_CLASS * 3 + 4][DIM];
    for (int i = 0; i < PER_CLASS * 3; i++) {
      int c = i / PER_CLASS;
      for (int d = 0; d < DIM; d++) {
        rows[i][d] = (float) (0.35 * random.nextGaussian());
      }
      rows[i][c] += 2f;
    }
    for (int d = 0; d < DIM; d++) {
      rows[COPY_SAME][d] = rows[5][d] + (float) (0.001 * random.nextGaussian());
      rows[COPY_OTHER][d] = rows[150][d] + (float) (0.001 * random.nextGaussian());
    }
    rows[FAR[0]][10] = 3f;
    rows[FAR[1]][12] = 2f;
    rows[FAR[1]][13] = 2f;
    return rows;
  }
}
