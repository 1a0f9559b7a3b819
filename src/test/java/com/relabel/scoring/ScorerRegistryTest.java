package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class ScorerRegistryTest {

  private final ScorerRegistry registry = ScorerRegistry.defaults();

  @Test
  void defaultsListTheBuiltInMethodsInAStableOrder() {
    assertThat(registry.names()).containsExactly("loss", "confidence", "correctness", "aum");
    assertThat(registry.get("aum")).isInstanceOf(AumScorer.class);
    assertThat(registry.contains("loss")).isTrue();
  }

  @Test
  void forDynamicsAddsEveryMethodWhoseInputsArePresent() {
    TrainingDynamics without = HandMadeDynamics.threeSamples();
    TrainingDynamics with =
        NewScorersTest.withExtras(without, new float[][] {{1f}, {2f}, {3f}}, null, null);

    assertThat(ScorerRegistry.forDynamics(without).names())
        .containsExactly(
            "loss", "confidence", "correctness", "aum", "cl", "margin", "gmm", "influence");
    assertThat(ScorerRegistry.forDynamics(with).names())
        .containsExactly(
            "loss", "confidence", "correctness", "aum", "cl", "margin", "gmm", "influence", "knn");
    assertThat(ScorerRegistry.forDynamics(with).scoreAll(with).sampleCount()).isEqualTo(3);
  }

  @Test
  void allIsTheOneListThatForDynamicsTakesFrom() {
    TrainingDynamics without = HandMadeDynamics.threeSamples();
    float[][] embeddings = {{1f}, {2f}, {-3f}};
    TrainingDynamics with = NewScorersTest.withExtras(without, embeddings, null, null);
    int[][] searched = Neighbours.search(embeddings, KnnDisagreementScorer.DEFAULT_K, 1).indices();

    assertThat(String.join(" ", ScorerRegistry.all().names()))
        .isEqualTo("loss confidence correctness aum cl margin gmm influence knn softlabel aquavs");
    assertThat(ScorerRegistry.all().names())
        .containsSubsequence(ScorerRegistry.forDynamics(with).names());
    assertThat(Neighbours.of(without)).isNull();
    assertThat(Neighbours.of(with).indices()).isDeepEqualTo(searched);
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> registry.get("cleanlab"))
        .withMessage(
            "unknown scoring method 'cleanlab'; known methods: loss, confidence, correctness, aum");
  }

  @Test
  void extendsWithoutChangingTheOriginal() {
    ScorerRegistry extended = registry.with(new NamedScorer("constant"));

    assertThat(extended.names()).endsWith("constant");
    assertThat(registry.names()).doesNotContain("constant");
  }

  @Test
  void rejectsDuplicateReservedAndBlankNames() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> registry.with(new NamedScorer("loss")))
        .withMessageContaining("already registered");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> registry.with(new NamedScorer("ensemble")))
        .withMessageContaining("reserved");
    assertThatIllegalArgumentException().isThrownBy(() -> registry.with(new NamedScorer(" ")));
  }

  @Test
  void scoresAllMethodsInRegistryOrderPlusTheirEnsemble() {
    // neither margin nor softlabel is registered: the standard ensemble averages all four
    ScoreTable table = registry.scoreAll(HandMadeDynamics.threeSamples());

    assertThat(table.methodNames()).containsExactly("loss", "confidence", "correctness", "aum");
    assertThat(table.sampleCount()).isEqualTo(3);
    assertThat(table.method("aum").scores()).containsExactly(-3.0, 2.0, 1.0);
    // Sample 0 is the least suspicious for every method; 1 and 2 split the rest.
    assertThat(table.ensemble().scores()[0]).isZero();
    assertThat(table.ensemble().scores()[1]).isGreaterThan(table.ensemble().scores()[2]);
    assertThat(table.method("ensemble")).isSameAs(table.ensemble());
    // the likeliest class other than the given one
    assertThat(table.ensemble().suggestedLabels()).containsExactly(1, 2, 0);
  }

  @Test
  void rejectsAScorerThatDoesNotCoverEverySample() {
    ScorerRegistry broken = ScorerRegistry.of(new NamedScorer("short", 1));

    assertThatIllegalStateException()
        .isThrownBy(() -> broken.scoreAll(HandMadeDynamics.threeSamples()))
        .withMessageContaining("short");
  }

  /** Scores every sample 0 (or returns a fixed number of scores). */
  private record NamedScorer(String name, int fixedCount) implements NoiseScorer {

    NamedScorer(String name) {
      this(name, -1);
    }

    @Override
    public MethodScores score(TrainingDynamics dynamics) {
      int count = fixedCount < 0 ? dynamics.sampleCount() : fixedCount;
      return MethodScores.of(name, new double[count]);
    }
  }
}
