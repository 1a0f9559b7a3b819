package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Exact scores of self-influence, the loss mixture and kNN disagreement on small hand-made data.
 */
class NewScorersTest {

  private static final Offset<Double> FLOAT_PRECISION = within(1e-6);

  private final TrainingDynamics dynamics = HandMadeDynamics.threeSamples();

  @Test
  void influenceWithoutEmbeddingsSumsTheBoundedResidualPerEpoch() {
    // 2 (1 - p)^2 summed over epochs: 2(0.04 + 0), 2(0.64 + 0.36), 2(0.16 + 1).
    MethodScores scores = new SelfInfluenceScorer().score(dynamics);

    assertThat(scores.method()).isEqualTo("influence");
    assertThat(scores.scores()).containsExactly(new double[] {0.08, 2.0, 2.32}, FLOAT_PRECISION);
    assertThat(scores.suggestedLabels()).containsExactly(0, 2, 0);
  }

  @Test
  void influenceWeighsEachEpochByItsEmbeddingNorm() {
    float[][] norms = {{1f, 2f, 3f}, {0.5f, 1f, 2f}};
    TrainingDynamics withNorms = withExtras(dynamics, null, norms, null);

    // 2 (0.04*1 + 0*0.5), 2 (0.64*2 + 0.36*1), 2 (0.16*3 + 1*2).
    assertThat(new SelfInfluenceScorer().score(withNorms).scores())
        .containsExactly(new double[] {0.08, 3.28, 4.96}, FLOAT_PRECISION);
  }

  @Test
  void influenceFallsBackOnTheFinalEmbeddingNorm() {
    float[][] embeddings = {{3f, 4f}, {1f, 0f}, {0f, 2f}};
    TrainingDynamics withEmbeddings = withExtras(dynamics, embeddings, null, null);

    // Squared norms 25, 1, 4 times the unweighted sums above.
    assertThat(new SelfInfluenceScorer().score(withEmbeddings).scores())
        .containsExactly(new double[] {2.0, 2.0, 9.28}, FLOAT_PRECISION);
  }

  @Test
  void lossMixtureSeparatesTwoLossModes() {
    double[] losses = new double[100];
    for (int i = 0; i < 100; i++) {
      losses[i] = i < 90 ? 0.1 + 0.001 * i : 3.0 + 0.01 * i;
    }
    double[] clean = LossMixtureScorer.cleanProbability(losses);

    for (int i = 0; i < 90; i++) {
      assertThat(clean[i]).isGreaterThan(0.99);
    }
    for (int i = 90; i < 100; i++) {
      assertThat(clean[i]).isLessThan(0.01);
    }
    for (int i = 1; i < 100; i++) {
      assertThat(clean[i]).isLessThanOrEqualTo(clean[i - 1]);
    }
    assertThat(LossMixtureScorer.cleanProbability(losses)).containsExactly(clean);
  }

  @Test
  void lossMixtureScoresOneMinusCleanPosteriorOfTheMeanLoss() {
    MethodScores scores = new LossMixtureScorer().score(dynamics);

    assertThat(scores.method()).isEqualTo("gmm");
    // Mean losses 0.3, 1.2, 1.5: the order must survive.
    assertThat(scores.scores()[0]).isLessThan(scores.scores()[1]);
    assertThat(scores.scores()[1]).isLessThanOrEqualTo(scores.scores()[2]);
    assertThat(LossMixtureScorer.cleanProbability(new double[] {2, 2, 2}))
        .containsExactly(1.0, 1.0, 1.0);
  }

  @Test
  void knnScoresTheShareOfDisagreeingNeighboursAndSuggestsTheirMajority() {
    // Two directions; sample 2 sits among class-0 points but is labelled 1.
    float[][] embeddings = {
      {1f, 0f}, {1f, 0.1f}, {1f, 0.05f}, {1f, -0.1f}, {0f, 1f}, {0.1f, 1f}, {-0.1f, 1f}
    };
    int[] labels = {0, 0, 1, 0, 1, 1, 1};
    TrainingDynamics knnDynamics = uniformDynamics(labels, 2, embeddings);

    MethodScores scores = new KnnDisagreementScorer(3, 1).score(knnDynamics);

    assertThat(scores.method()).isEqualTo("knn");
    // Sample 2's nearest three are 1, 0, 3, all labelled 0. Sample 0's are 2, then 1 and 3 (an
    // exact tie, lower index first): labels 1, 0, 0.
    assertThat(Neighbours.search(embeddings, 3, 1).indices()[2]).containsExactly(1, 0, 3);
    assertThat(scores.scores()[2]).isEqualTo(1.0);
    assertThat(scores.suggestedLabels()[2]).isZero();
    assertThat(scores.suggestionConfidence()[2]).isEqualTo(1.0);
    assertThat(scores.scores()[0]).isEqualTo(1.0 / 3);
    assertThat(scores.suggestedLabels()[0]).isZero();
    assertThat(scores.suggestionConfidence()[0]).isEqualTo(2.0 / 3);
    assertThat(Neighbours.search(embeddings, 3, 1).indices()[0]).containsExactly(2, 1, 3);
  }

  @Test
  void knnScoresAlikeByNeighboursSearchedBeforehand() {
    float[][] embeddings = {
      {1f, 0f}, {1f, 0.1f}, {1f, 0.05f}, {1f, -0.1f}, {0f, 1f}, {0.1f, 1f}, {-0.1f, 1f}
    };
    TrainingDynamics dynamics = uniformDynamics(new int[] {0, 0, 1, 0, 1, 1, 1}, 2, embeddings);
    int[][] searched = Neighbours.search(embeddings, 3, 1).indices();

    MethodScores byThemselves = new KnnDisagreementScorer(3, 1).score(dynamics);
    MethodScores beforehand = new KnnDisagreementScorer(new Neighbours(searched)).score(dynamics);

    assertThat(beforehand.scores()).containsExactly(byThemselves.scores());
    assertThat(beforehand.suggestedLabels()).containsExactly(byThemselves.suggestedLabels());
    assertThat(beforehand.suggestionConfidence())
        .containsExactly(byThemselves.suggestionConfidence());
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new KnnDisagreementScorer(new Neighbours(new int[3][0]))
                    .score(uniformDynamics(new int[] {0, 1}, 2, new float[][] {{1f}, {2f}})))
        .withMessage("neighbours of 3 samples were given for dynamics of 2");
  }

  @Test
  void knnIsExactAndIndependentOfTheThreadCount() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 700;
    int dim = 7;
    float[][] embeddings = new float[n][dim];
    for (float[] row : embeddings) {
      for (int d = 0; d < dim; d++) {
        row[d] = (float) random.nextGaussian();
      }
    }
    int k = 5;
    int[][] single = Neighbours.search(embeddings, k, 1).indices();
    int[][] threaded = Neighbours.search(embeddings, k, 3).indices();

    assertThat(threaded).isDeepEqualTo(single);
    for (int i = 0; i < n; i++) {
      double[] all = new double[n];
      for (int j = 0; j < n; j++) {
        all[j] = j == i ? Double.NEGATIVE_INFINITY : cosine(embeddings[i], embeddings[j]);
      }
      double[] expected = Arrays.stream(all).sorted().skip(n - k).toArray();
      double[] found = new double[k];
      for (int r = 0; r < k; r++) {
        found[k - 1 - r] = cosine(embeddings[i], embeddings[single[i][r]]);
        assertThat(single[i][r]).isNotEqualTo(i);
      }
      assertThat(found).containsExactly(expected, within(1e-5));
    }
  }

  @Test
  void knnNeedsEmbeddings() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new KnnDisagreementScorer().score(dynamics))
        .withMessageContaining("needs embeddings");
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int d = 0; d < a.length; d++) {
      dot += (double) a[d] * b[d];
      na += (double) a[d] * a[d];
      nb += (double) b[d] * b[d];
    }
    return dot / Math.sqrt(na * nb);
  }

  /** One epoch of uninformative dynamics around the given embeddings. */
  private static TrainingDynamics uniformDynamics(int[] labels, int classes, float[][] embeddings) {
    int n = labels.length;
    float[][] uniform = new float[n][classes];
    for (float[] row : uniform) {
      Arrays.fill(row, 1f / classes);
    }
    return TrainingDynamics.builder()
        .givenLabels(labels)
        .numClasses(classes)
        .probGiven(new float[1][n])
        .predicted(new int[1][n])
        .margin(new float[1][n])
        .loss(new float[1][n])
        .finalProbabilities(uniform)
        .embeddings(embeddings)
        .build();
  }

  static TrainingDynamics withExtras(
      TrainingDynamics d, float[][] embeddings, float[][] norms, float[][] heldOut) {
    return TrainingDynamics.builder()
        .givenLabels(d.givenLabels())
        .numClasses(d.numClasses())
        .probGiven(d.probGiven())
        .predicted(d.predicted())
        .margin(d.margin())
        .loss(d.loss())
        .finalProbabilities(d.finalProbabilities())
        .embeddings(embeddings)
        .embeddingNormsSquared(norms)
        .heldOutProbabilities(heldOut)
        .build();
  }
}
