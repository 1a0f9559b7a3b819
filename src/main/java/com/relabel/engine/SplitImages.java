package com.relabel.engine;

import com.relabel.dataset.LabeledImages;
import java.util.Objects;

/**
 * What an {@link ImageTrainer} trains on: labelled images and the samples among them that it holds
 * out of training and only infers after every epoch
 * (docs/decisions/0012-held-out-and-durable-runs.md).
 *
 * @param images every sample, held out or not
 * @param heldOut the positions in {@code images} that are never trained on
 */
public record SplitImages(LabeledImages images, HeldOutSplit heldOut) {

  /**
   * @throws IllegalArgumentException if a held-out position is not one of {@code images}' samples
   */
  public SplitImages {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(heldOut, "heldOut");
    for (int position : heldOut.positions()) {
      if (position < 0 || position >= images.count()) {
        throw new IllegalArgumentException(
            "held-out position " + position + " is outside the " + images.count() + " samples");
      }
    }
  }

  /** Every sample of {@code images} trained on, none held out. */
  public static SplitImages all(LabeledImages images) {
    return new SplitImages(images, HeldOutSplit.NONE);
  }

  /**
   * The positions a model trains on, ascending.
   *
   * @throws IllegalArgumentException if every sample is held out
   */
  int[] trainingPositions() {
    return heldOut.trainingPositionsOf(images);
  }
}
