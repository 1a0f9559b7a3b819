package com.relabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hashed word features: deterministic, case-blind, unit length, word order matters via pairs. */
class TextFeaturizerTest {

  private final TextFeaturizer featurizer = TextFeaturizer.standard();

  @Test
  void theSameTextGivesTheSameBytesAndCaseAndPunctuationDoNotMatter() {
    byte[] a = featurizer.features("The quick brown fox jumps over the lazy dog.");
    byte[] b =
        new TextFeaturizer(TextFeaturizer.DEFAULT_DIMENSION)
            .features("the QUICK brown fox, jumps over THE lazy dog");

    assertThat(a).hasSize(4096).isEqualTo(b);
  }

  @Test
  void knownBucketsStayWhereTheyAre() {
    // pins the hash: a change here changes every stored ranking's features
    byte[] f = new TextFeaturizer(64).features("hello world");

    assertThat(nonZero(f)).containsExactly(46, 52, 57); // "hello", "world", "hello world"
    assertThat(f[46] & 0xff).isEqualTo(147); // 255 / sqrt(3)
    assertThat(nonZero(f)).isEqualTo(nonZero(new TextFeaturizer(64).features("Hello, World!")));
  }

  @Test
  void vectorsHaveUnitLengthBeforeQuantisation() {
    byte[] f = featurizer.features("spam spam spam eggs and ham");
    double norm = 0;
    for (byte v : f) {
      norm += Math.pow((v & 0xff) / 255.0, 2);
    }

    assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void wordOrderChangesThePairsAndTextWithoutWordsIsZero() {
    assertThat(featurizer.features("dog bites man"))
        .isNotEqualTo(featurizer.features("man bites dog"));
    assertThat(nonZero(featurizer.features("?! ... --"))).isEmpty();
  }

  @Test
  void featurizesManyTextsAsOneByDImages() {
    LabeledImages data = featurizer.featurize(List.of("a b", "c d"), new int[] {0, 1}, 2);

    assertThat(data.height()).isEqualTo(1);
    assertThat(data.width()).isEqualTo(4096);
    assertThat(data.channels()).isEqualTo(1);
    assertThat(data.image(1)).isEqualTo(featurizer.features("c d"));
  }

  private static List<Integer> nonZero(byte[] f) {
    List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < f.length; i++) {
      if (f[i] != 0) {
        out.add(i);
      }
    }
    return out;
  }
}
