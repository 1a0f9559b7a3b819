package com.relabel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.relabel.dataset.LabeledImages;
import org.junit.jupiter.api.Test;

/** Batches turn the images' HWC bytes into CHW floats in [0, 1], in the order asked for. */
class ImageBatchesTest {

  /** Two 2x2 colour images; byte {@code (sample, y, x, c)} is {@code 100 s + 10 (2y + x) + c}. */
  private static final LabeledImages TWO = twoImages();

  @Test
  void imagesAreChannelFirstInTheGivenOrder() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray batch = new ImageBatches(TWO).images(manager, new int[] {1, 0}, 0, 2);

      assertThat(batch.getShape().getShape()).containsExactly(2, 3, 2, 2);
      float[] out = batch.toFloatArray();
      for (int row = 0; row < 2; row++) {
        int sample = 1 - row;
        for (int c = 0; c < 3; c++) {
          for (int p = 0; p < 4; p++) {
            assertThat(out[row * 12 + c * 4 + p]).isEqualTo(value(sample, p, c) / 255f);
          }
        }
      }
    }
  }

  @Test
  void mixedImagesWeighEachSampleWithItsPartner() {
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] out =
          new ImageBatches(TWO)
              .mixedImages(manager, new int[] {0, 1}, 1, 2, new int[] {0}, new float[] {0.25f})
              .toFloatArray();

      assertThat(out).hasSize(12);
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < 4; p++) {
          float expected = (0.25f * value(1, p, c) + 0.75f * value(0, p, c)) / 255f;
          assertThat(out[c * 4 + p]).isCloseTo(expected, within(1e-6f));
        }
      }
    }
  }

  private static int value(int sample, int pixel, int channel) {
    return 100 * sample + 10 * pixel + channel;
  }

  private static LabeledImages twoImages() {
    byte[] pixels = new byte[2 * 4 * 3];
    for (int s = 0; s < 2; s++) {
      for (int p = 0; p < 4; p++) {
        for (int c = 0; c < 3; c++) {
          pixels[(s * 4 + p) * 3 + c] = (byte) value(s, p, c);
        }
      }
    }
    return new LabeledImages(2, 2, 2, 3, pixels, new int[] {0, 1}, 2);
  }
}
