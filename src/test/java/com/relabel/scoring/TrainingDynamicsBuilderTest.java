package com.relabel.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingDynamicsBuilderTest {

  private static final float[][] HELD_OUT = {
    {0.7f, 0.2f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.3f, 0.3f, 0.4f}
  };
  private static final float[][] MEANS = {{1f}, {2f}, {3f}};

  @Test
  void eachWitherReplacesOneComponentAndKeepsTheOthers() {
    TrainingDynamics d =
        HandMadeDynamics.threeSamples().withHeldOutProbabilities(HELD_OUT).withLatentMeans(MEANS);

    assertThat(d.heldOutProbabilities()).isSameAs(HELD_OUT);
    assertThat(d.latentMeans()).isSameAs(MEANS);
    assertThat(d.withEmbeddings(MEANS).heldOutProbabilities()).isSameAs(HELD_OUT);
    assertThat(d.withEmbeddings(MEANS).latentMeans()).isSameAs(MEANS);
    assertThat(d.toBuilder().build()).usingRecursiveComparison().isEqualTo(d);
  }

  @Test
  void buildChecksTheArraysAgree() {
    assertThatThrownBy(
            () ->
                HandMadeDynamics.threeSamples().toBuilder()
                    .latentMeans(new float[][] {{1f}})
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
