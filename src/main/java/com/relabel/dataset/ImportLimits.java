package com.relabel.dataset;

/**
 * Upper bounds that protect the server from a hostile or mistaken upload.
 *
 * @param maxArchiveBytes largest ZIP file accepted
 * @param maxImageBytes largest single image file (compressed, as stored)
 * @param maxImagePixels largest image (width times height) that will be decoded
 * @param maxImages most images in one dataset
 */
public record ImportLimits(
    long maxArchiveBytes, long maxImageBytes, long maxImagePixels, int maxImages) {

  /** 4 GiB archives, 64 MiB images, 40 megapixels, 5 million images. */
  public static final ImportLimits DEFAULT =
      new ImportLimits(4L << 30, 64L << 20, 40_000_000L, 5_000_000);
}
