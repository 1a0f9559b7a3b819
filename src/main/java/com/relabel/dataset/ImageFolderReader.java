package com.relabel.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an image folder: a directory or a ZIP with one sub-folder per class, or images plus a
 * {@code labels.csv} (see {@link LabelsCsv}). Opening it reads the layout and every image's header
 * (not its pixels) and fixes the target shape by the {@link ImageSizePolicy}: grayscale when every
 * image is, else RGB. Opening refuses a folder whose images, at that shape, exceed the decoded-size
 * quota ({@link ImportLimits#maxDecodedBytes()}), and an image larger than {@link
 * ImportLimits#maxImagePixels()} by its header, before any pixel is decoded. {@link #pixels(int)}
 * then decodes one image at a time and resizes it, so the originals are never all in memory.
 */
public final class ImageFolderReader implements Closeable {

  private final ImageSource source;
  private final ImageFolderIndex index;
  private final int height;
  private final int width;
  private final int channels;
  private final int resized;

  private ImageFolderReader(
      ImageSource source, ImageFolderIndex index, ImageSizePolicy policy, ImportLimits limits)
      throws IOException {
    this.source = source;
    this.index = index;
    Map<Long, Integer> sizes = new HashMap<>();
    long[] sizeOf = new long[index.count()];
    boolean gray = true;
    for (int i = 0; i < index.count(); i++) {
      ImageFiles.Header h = ImageFiles.header(source, index.files().get(i), limits);
      sizeOf[i] = ((long) h.height() << 32) | h.width();
      sizes.merge(sizeOf[i], 1, Integer::sum);
      gray &= h.gray();
    }
    long common = mostCommon(sizes);
    int[] target = policy.target((int) (common >>> 32), (int) common);
    this.height = target[0];
    this.width = target[1];
    this.channels = gray ? 1 : 3;
    String refusal =
        limits.decodedRefusal(
            index.count(),
            (long) height * width * channels,
            "%dx%d %s images".formatted(width, height, gray ? "grayscale" : "RGB"));
    if (refusal != null) {
      throw new ImageFolderException(source.name(), refusal);
    }
    long targetSize = ((long) height << 32) | width;
    int differ = 0;
    for (long s : sizeOf) {
      differ += s == targetSize ? 0 : 1;
    }
    this.resized = differ;
  }

  /** Opens a directory or ZIP with the default limits. */
  public static ImageFolderReader open(Path path, ImageSizePolicy policy) throws IOException {
    return open(path, policy, ImportLimits.DEFAULT);
  }

  public static ImageFolderReader open(Path path, ImageSizePolicy policy, ImportLimits limits)
      throws IOException {
    ImageSource source = ImageSource.open(path, limits);
    try {
      return new ImageFolderReader(source, ImageFolderIndex.of(source, limits), policy, limits);
    } catch (IOException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  /** The most frequent {@code height << 32 | width}; ties go to the larger, then taller size. */
  private static long mostCommon(Map<Long, Integer> sizes) {
    long best = 0;
    int bestCount = -1;
    for (var e : sizes.entrySet()) {
      long s = e.getKey();
      int n = e.getValue();
      if (n > bestCount
          || (n == bestCount && area(s) > area(best))
          || (n == bestCount && area(s) == area(best) && s > best)) {
        best = s;
        bestCount = n;
      }
    }
    return best;
  }

  private static long area(long size) {
    return (size >>> 32) * (size & 0xffffffffL);
  }

  /** The decoded image {@code i}, resized to the target shape. */
  public byte[] pixels(int i) throws IOException {
    ImageFiles.Pixels p = ImageFiles.decode(source, index.files().get(i), channels);
    return ImageResizer.resize(p.values(), p.height(), p.width(), channels, height, width);
  }

  /** Every image in memory, resized, with its label (for the headless scorer). */
  public LabeledImages readAll() throws IOException {
    int size = height * width * channels;
    byte[] all = new byte[Math.multiplyExact(count(), size)];
    for (int i = 0; i < count(); i++) {
      System.arraycopy(pixels(i), 0, all, i * size, size);
    }
    return new LabeledImages(count(), height, width, channels, all, labels(), classNames().size());
  }

  public int count() {
    return index.count();
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int channels() {
    return channels;
  }

  /** How many images differ from the target size and are resized. */
  public int resizedCount() {
    return resized;
  }

  public List<String> classNames() {
    return index.classNames();
  }

  /** Each image's class index, in sample order. */
  public int[] labels() {
    return index.labels().clone();
  }

  /** Image {@code i}'s path relative to the folder's root. */
  public String externalId(int i) {
    return index.relative(i);
  }

  /** Where the data came from, e.g. {@code pets.zip (class folders)}. */
  public String description() {
    return source.name() + " (" + index.layout() + ")";
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
