package com.relabel.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Upper bounds that protect the server from a hostile or mistaken upload. Every import checks them
 * before the work they bound starts: the decoded size from the headers (image headers, the IDX
 * header, the text file's size) before any pixel is decoded or any row written.
 *
 * @param maxArchiveBytes largest ZIP file accepted
 * @param maxImageBytes largest single image file (compressed, as stored)
 * @param maxImagePixels largest image (width times height) that will be decoded, read from its
 *     header
 * @param maxImages most images in one dataset
 * @param maxDecodedBytes most bytes one import may store once decoded: images x target height x
 *     width x channels for image folders and IDX files, the file's bytes for texts ({@code
 *     relabel.import.max-decoded-bytes})
 */
record ImportLimits(
    long maxArchiveBytes,
    long maxImageBytes,
    long maxImagePixels,
    int maxImages,
    long maxDecodedBytes) {

  /** 1 GiB decoded per import: half of what one training set can hold (a Java array). */
  public static final long DEFAULT_DECODED_BYTES = 1L << 30;

  /** 4 GiB archives, 64 MiB images, 40 megapixels, 5 million images, 1 GiB decoded. */
  public static final ImportLimits DEFAULT =
      new ImportLimits(4L << 30, 64L << 20, 40_000_000L, 5_000_000, DEFAULT_DECODED_BYTES);

  public ImportLimits {
    if (maxDecodedBytes < 1) {
      throw new IllegalArgumentException(
          "relabel.import.max-decoded-bytes must be positive, not " + maxDecodedBytes);
    }
    if (maxImagePixels < 1) {
      throw new IllegalArgumentException(
          "relabel.import.max-image-pixels must be positive, not " + maxImagePixels);
    }
  }

  /** The limits with the default decoded-size quota. */
  public ImportLimits(
      long maxArchiveBytes, long maxImageBytes, long maxImagePixels, int maxImages) {
    this(maxArchiveBytes, maxImageBytes, maxImagePixels, maxImages, DEFAULT_DECODED_BYTES);
  }

  /** These limits with another decoded-size quota and largest image. */
  public ImportLimits with(long decodedBytes, long imagePixels) {
    return new ImportLimits(maxArchiveBytes, maxImageBytes, imagePixels, maxImages, decodedBytes);
  }

  /**
   * Why {@code count} samples of {@code bytesEach} bytes ({@code shape}, e.g. "1024x1024 RGB
   * images") are refused, or null when they fit the decoded-size quota.
   */
  String decodedRefusal(long count, long bytesEach, String shape) {
    long total = count * bytesEach; // count and bytesEach are below 2^31: no overflow
    if (total <= maxDecodedBytes) {
      return null;
    }
    return "%,d %s take %,d bytes once decoded, more than the limit of %,d bytes per import"
            .formatted(count, shape, total, maxDecodedBytes)
        + " (relabel.import.max-decoded-bytes); nothing was imported";
  }

  /**
   * Why a text or table file of {@code bytes} bytes ({@code what}: "bytes of text", "bytes") is
   * refused before it is read, or null when it fits the decoded-size quota: its stored text is
   * about as large as the file.
   */
  String fileRefusal(long bytes, String what) {
    if (bytes <= maxDecodedBytes) {
      return null;
    }
    return "%,d %s, more than the limit of %,d bytes per import"
            .formatted(bytes, what, maxDecodedBytes)
        + " (relabel.import.max-decoded-bytes); nothing was imported";
  }

  /**
   * The first step of a text or table import: refuses {@code file} (named {@code fileName}, the
   * user's own name) before it is read when it is over the quota ({@link #fileRefusal}).
   *
   * @throws TextFormatException naming the file, line 0
   */
  void requireFileFits(Path file, String fileName, String what) throws IOException {
    String tooLarge = fileRefusal(Files.size(file), what);
    if (tooLarge != null) {
      throw new TextFormatException(fileName, 0, tooLarge);
    }
  }

  /**
   * The one refusal of every format for a dataset with fewer than 2 classes, given the distinct
   * labels found; null when there are at least 2.
   */
  static String classesRefusal(Collection<?> distinctLabels) {
    if (distinctLabels.size() >= 2) {
      return null;
    }
    return "fewer than 2 classes (labels found: "
        + distinctLabels
        + "); a dataset needs at least 2 classes";
  }
}
