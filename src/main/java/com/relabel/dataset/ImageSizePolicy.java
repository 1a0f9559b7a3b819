package com.relabel.dataset;

/**
 * How the images of a folder are brought to the one size training needs.
 *
 * <p>With a fixed {@code height} and {@code width}, every image is resized to it. Without, the
 * target is the most common size among the images, scaled down (aspect ratio kept) so that neither
 * side exceeds {@code maxSide}. Either way no side is below {@link #MIN_SIDE}, the smallest input
 * the CNN takes, and none above {@link #MAX_SIDE}, the largest the networks are built and measured
 * for (decision 0046). See docs/decisions/0017-image-folder-import.md.
 *
 * @param height fixed target height, or {@code null} for automatic
 * @param width fixed target width, or {@code null} for automatic
 * @param maxSide the longest side an automatic target may have
 */
public record ImageSizePolicy(Integer height, Integer width, int maxSide) {

  public static final int MIN_SIDE = 8;
  public static final int DEFAULT_MAX_SIDE = 64;

  /**
   * The largest side an image is brought to: 128, for colour photos with {@code resnet} (decision
   * 0046). Larger sides multiply the stored bytes and the cost of every epoch.
   */
  public static final int MAX_SIDE = 128;

  public ImageSizePolicy {
    if ((height == null) != (width == null)) {
      throw new IllegalArgumentException("give both height and width, or neither");
    }
    if (height != null && (outside(height) || outside(width))) {
      throw new IllegalArgumentException(
          "image size must be between %d and %d pixels a side, not %dx%d"
              .formatted(MIN_SIDE, MAX_SIDE, width, height));
    }
    if (outside(maxSide)) {
      throw new IllegalArgumentException(
          "largest side must be between " + MIN_SIDE + " and " + MAX_SIDE + ", not " + maxSide);
    }
  }

  /**
   * The most common size, at most 64 pixels a side: a larger size is asked for (up to 128), as it
   * costs four times the bytes of 64 (decision 0046).
   */
  public static ImageSizePolicy automatic() {
    return new ImageSizePolicy(null, null, DEFAULT_MAX_SIDE);
  }

  /** Every image resized to {@code width} x {@code height}. */
  public static ImageSizePolicy fixed(int width, int height) {
    return new ImageSizePolicy(height, width, Math.max(width, height));
  }

  /** Reads {@code WIDTHxHEIGHT} (e.g. {@code 32x32}); blank means {@link #automatic()}. */
  public static ImageSizePolicy parse(String text) {
    if (text == null || text.isBlank()) {
      return automatic();
    }
    String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
    try {
      if (parts.length == 2) {
        return fixed(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(
        "image size must look like 32x32 (width x height), not '" + text + "'");
  }

  /** The target {height, width} for images whose most common size is {@code h} x {@code w}. */
  int[] target(int commonHeight, int commonWidth) {
    if (height != null) {
      return new int[] {height, width};
    }
    double scale = Math.min(1.0, (double) maxSide / Math.max(commonHeight, commonWidth));
    int h = Math.max(MIN_SIDE, (int) Math.round(commonHeight * scale));
    int w = Math.max(MIN_SIDE, (int) Math.round(commonWidth * scale));
    return new int[] {
      Math.min(h, Math.max(maxSide, MIN_SIDE)), Math.min(w, Math.max(maxSide, MIN_SIDE))
    };
  }

  private static boolean outside(int side) {
    return side < MIN_SIDE || side > MAX_SIDE;
  }
}
