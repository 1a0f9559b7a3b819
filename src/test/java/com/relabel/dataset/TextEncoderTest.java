package com.relabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pretrained sentence encoder: loaded from the class path, deterministic, and meaningful. */
class TextEncoderTest {

  static TextEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = TextEncoder.load(); // the model loads once for the class
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void aKnownSentenceGivesTheSameUnitVectorOf384NumbersEveryTime() {
    float[] v = encoder.encode("The quick brown fox jumps over the lazy dog.");

    assertThat(v).hasSize(TextEncoder.DIMENSION);
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
    assertThat(encoder.encode("The quick brown fox jumps over the lazy dog.")).isEqualTo(v);
    // in a batch with texts of other lengths it moves a little, not more: the quantised model
    // scales its activations per batch (decision 0038), the padding itself is masked out
    float[][] batch =
        encoder.encode(
            List.of("short", "The quick brown fox jumps over the lazy dog.", "a b c d e f g h i"));
    assertThat(cosine(batch[1], v)).isGreaterThan(0.99);
    // pinned: another model, tokenizer or pooling would move these
    assertThat(new float[] {v[0], v[1], v[383]}).containsExactly(PINNED, within(1e-4f));
  }

  /** Components 0, 1 and 383 of the sentence above, as measured on the first run of this test. */
  static final float[] PINNED = {0.0456071f, 0.0722055f, 0.0962327f};

  @Test
  void sentencesThatMeanTheSameLieCloserThanUnrelatedOnes() {
    float[][] v =
        encoder.encode(
            List.of(
                "Win a free cruise to the Bahamas, click here now!",
                "Claim your complimentary holiday trip today, limited offer.",
                "The kernel patch fixes a race in the ext3 journal code."));

    assertThat(cosine(v[0], v[1])).isGreaterThan(cosine(v[0], v[2]) + 0.2);
    assertThat(cosine(v[0], v[1])).isGreaterThan(cosine(v[1], v[2]) + 0.2);
  }

  @Test
  void storedVectorsComeBackWithinHalfPrecision() {
    float[] v = encoder.encode("Half precision keeps three digits.");

    float[] back = TextVectors.fromBytes(TextVectors.toBytes(v));

    assertThat(TextVectors.toBytes(v)).hasSize(2 * TextEncoder.DIMENSION);
    for (int d = 0; d < v.length; d++) {
      assertThat(back[d]).isCloseTo(v[d], within(Math.abs(v[d]) / 1000 + 1e-6f));
    }
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot; // both have unit length
  }
}
