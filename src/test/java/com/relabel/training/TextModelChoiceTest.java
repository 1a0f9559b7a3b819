package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.engine.ModelKind;
import org.junit.jupiter.api.Test;

/**
 * Which model a run of each kind of dataset trains: the kind says whether its samples are vectors
 * (decision 0048), and vectors train the MLP whatever was asked (decision 0016).
 */
class TextModelChoiceTest {

  private static final RunSettings CNN = RunSettings.builder().model(ModelKind.CNN).build();

  @Test
  void imagesTrainTheModelAsked() {
    assertThat(TextModelChoice.forKind("IMAGE", false, 1, CNN).model()).isEqualTo(ModelKind.CNN);
  }

  @Test
  void textsTablesAndOwnVectorsTrainTheMlp() {
    assertThat(TextModelChoice.forKind("TEXT", false, 1, CNN).model()).isEqualTo(ModelKind.MLP);
    assertThat(TextModelChoice.forKind("FEATURES", false, 1, CNN).model()).isEqualTo(ModelKind.MLP);
    assertThat(TextModelChoice.forKind("IMAGE", true, 1, CNN).model()).isEqualTo(ModelKind.MLP);
  }
}
