package com.relabel.dataset;

import java.util.Locale;

/**
 * What the classifier of a text dataset learns from (decision 0038): the sentence encoder's vector
 * ({@link TextEncoder}), the hashed word counts of decision 0016 ({@link TextFeaturizer}), or both
 * side by side. With the encoder, the neighbours (the {@code knn} method and the review view's
 * neighbours) are searched among the encoder's vectors, whatever the classifier learns from.
 */
public enum TextFeatures {
  ENCODER,
  HASHED,
  BOTH;

  /**
   * Where a sentence vector's components are mapped into one byte each: [-RANGE, RANGE]. A unit
   * vector of 384 components has a spread of about 0.05 per component; measured on 400 e-mails,
   * 0.35% of components lie beyond 0.15 (they are clipped) and none beyond 0.28. A wider range
   * leaves the MLP inputs that hardly vary around 0.5, and it learns from them slowly: with 0.5,
   * the MLP's loss found the flipped labels of the SpamAssassin benchmark with AUROC 0.85 only.
   */
  static final float RANGE = 0.15f;

  /**
   * The default: both when the encoder is on the class path, else hashed counts. On the
   * SpamAssassin benchmark both found the flipped labels best (ensemble AUROC 0.9965, against
   * 0.9924 on hashed counts and 0.9827 on the encoder alone; knn 0.9695 with the encoder's
   * neighbours) for about the training time of hashed counts alone (docs/benchmarks.md).
   */
  public static TextFeatures standard() {
    return TextEncoder.available() ? BOTH : HASHED;
  }

  public boolean usesEncoder() {
    return this != HASHED;
  }

  /** The length of one text's feature vector. */
  public int width() {
    return switch (this) {
      case ENCODER -> TextEncoder.DIMENSION;
      case HASHED -> TextFeaturizer.DEFAULT_DIMENSION;
      case BOTH -> TextEncoder.DIMENSION + TextFeaturizer.DEFAULT_DIMENSION;
    };
  }

  /** The name used on the command line, in the API and in the database. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the choices
   */
  public static TextFeatures of(String id) {
    for (TextFeatures f : values()) {
      if (f.id().equalsIgnoreCase(id.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "text features must be encoder, hashed or both, not '" + id + "'");
  }

  /**
   * Writes one text's features to {@code out[offset .. offset + width())}: the encoder's vector
   * (each component mapped from [-RANGE, RANGE] to one byte) first, then the hashed counts.
   *
   * @param vector the text's sentence vector; ignored (may be {@code null}) for {@link #HASHED}
   */
  public void write(String text, float[] vector, byte[] out, int offset) {
    int at = offset;
    if (usesEncoder()) {
      for (float v : vector) {
        float clipped = Math.clamp(v, -RANGE, RANGE);
        out[at++] = (byte) Math.round(255 * (clipped + RANGE) / (2 * RANGE));
      }
    }
    if (this != ENCODER) {
      TextFeaturizer.standard().features(text, out, at);
    }
  }
}
