package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.relabel.dataset.LabeledImages;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random crops and mirrors of colour images while training (decision 0046). */
class AugmentationTest {

  @Test
  void namesParseAndUnknownOnesAreRefusedWithTheList() {
    assertThat(Augmentation.parse("crop-mirror")).isEqualTo(Augmentation.CROP_AND_MIRROR);
    assertThat(Augmentation.parse("NONE")).isEqualTo(Augmentation.NONE);
    assertThat(Augmentation.CROP.key()).isEqualTo("crop");
    assertThatThrownBy(() -> Augmentation.parse("rotate"))
        .hasMessage("unknown augmentation 'rotate'; known: none, crop, crop-mirror");
  }

  @Test
  void appliesToColourImagesOnly() {
    assertThat(Augmentation.CROP_AND_MIRROR.appliesTo(3, 32, 32)).isTrue();
    assertThat(Augmentation.CROP_AND_MIRROR.appliesTo(1, 28, 28)).isFalse();
    assertThat(Augmentation.CROP.appliesTo(3, 1, 512)).isFalse();
    assertThat(Augmentation.NONE.appliesTo(3, 32, 32)).isFalse();
  }

  /**
   * A 16x16 image whose pixel (y, x) has red = x, green = y: every augmented pixel is either black
   * padding or a pixel of the image moved by at most 2 (an eighth of 16) in each direction,
   * mirrored or not, and over many draws both mirrors and shifts occur.
   */
  @Test
  void cropsShiftByAtMostAnEighthAndMirrorsHalfTheTime() {
    int side = 16;
    byte[] pixels = new byte[side * side * 3];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        pixels[(y * side + x) * 3] = (byte) (x + 1);
        pixels[(y * side + x) * 3 + 1] = (byte) (y + 1);
      }
    }
    LabeledImages one = new LabeledImages(1, side, side, 3, pixels, new int[] {0}, 2);
    ImageBatches batches = new ImageBatches(one);
    Random random = new Random(4);
    int mirrored = 0;
    int shifted = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int draw = 0; draw < 200; draw++) {
        float[] out =
            batches.augmentedImages(manager, new int[] {0}, 0, 1, true, random).toFloatArray();
        float red0 = Math.round(out[side * side / 2 + side / 2] * 255);
        float red1 = Math.round(out[side * side / 2 + side / 2 + 1] * 255);
        float green = Math.round(out[side * side + side * side / 2 + side / 2] * 255);
        mirrored += red1 < red0 ? 1 : 0;
        shifted += red0 != side / 2 + 1 && red0 != side - side / 2 ? 1 : 0;
        assertThat(Math.abs(green - (side / 2 + 1))).isLessThanOrEqualTo(2);
        assertThat(red0).isBetween(side / 2 + 1 - 3f, side / 2 + 1 + 3f);
        for (int p = 0; p < side * side; p++) {
          assertThat(out[2 * side * side + p]).isZero(); // blue stays 0 everywhere
        }
      }
    }
    assertThat(mirrored).isBetween(70, 130);
    assertThat(shifted).isGreaterThan(100);
  }
}
