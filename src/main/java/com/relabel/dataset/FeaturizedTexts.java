package com.relabel.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text file read for training without a database (the headless scorer and the benchmark): the
 * texts' features as 1 x D x 1 images with their labels ({@link TextFeatures}), the sentence
 * vectors when the encoder was used, and the class names. The file is streamed twice (classes, then
 * features, encoded {@link #CHUNK} texts at a time); the texts themselves are not held.
 *
 * @param features one feature vector per text, in file order, with its label
 * @param vectors one sentence vector per text, in file order; {@code null} for hashed counts only
 * @param classNames the class names, indexed by class ({@link TextClasses})
 */
public record FeaturizedTexts(LabeledImages features, float[][] vectors, List<String> classNames) {

  /** Texts handed to the encoder at once. */
  static final int CHUNK = 256;

  /**
   * Reads the file with an encoder of its own when {@code kind} uses one, loaded for this read and
   * closed after it (the command line's encoder lifetime).
   */
  public static FeaturizedTexts read(Path file, TextFeatures kind) throws IOException {
    try (TextEncoder encoder = kind.usesEncoder() ? TextEncoder.load() : null) {
      return read(file, kind, encoder);
    }
  }

  /**
   * Reads the file with {@code encoder}, which the caller owns; null when {@code kind} needs none.
   */
  static FeaturizedTexts read(Path file, TextFeatures kind, TextEncoder encoder)
      throws IOException {
    if (kind.usesEncoder() && encoder == null) {
      throw new IllegalArgumentException(kind.id() + " features need an encoder");
    }
    TextClasses classes = TextImport.scan(file);
    int width = kind.width();
    var reader = new Chunks(kind, width, encoder);
    List<Integer> labels = new ArrayList<>();
    TextFileReader.read(
        file,
        record -> {
          labels.add(classes.indexOf(record.label()));
          reader.add(record.text());
        });
    reader.flush();
    int[] given = labels.stream().mapToInt(Integer::intValue).toArray();
    var images =
        new LabeledImages(
            given.length,
            1,
            width,
            1,
            Arrays.copyOf(reader.bytes, given.length * width),
            given,
            classes.size());
    float[][] vectors = kind.usesEncoder() ? Arrays.copyOf(reader.vectors, given.length) : null;
    return new FeaturizedTexts(images, vectors, classes.names());
  }

  /** Collects texts and turns them into features a chunk at a time. */
  private static final class Chunks {
    private final TextFeatures kind;
    private final int width;
    private final TextEncoder encoder;
    private final List<String> pending = new ArrayList<>(CHUNK);
    private byte[] bytes = new byte[0];
    private float[][] vectors = new float[0][];
    private int count;

    Chunks(TextFeatures kind, int width, TextEncoder encoder) {
      this.kind = kind;
      this.width = width;
      this.encoder = encoder;
    }

    void add(String text) {
      pending.add(text);
      if (pending.size() == CHUNK) {
        flush();
      }
    }

    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      int n = count + pending.size();
      if ((long) n * width > DatasetFormat.MAX_ARRAY) {
        DatasetFormat.requireOneArray(n, width, "texts", "features");
      }
      if (n * width > bytes.length) {
        bytes =
            Arrays.copyOf(
                bytes,
                Math.max(
                    n * width,
                    Math.min(2 * bytes.length, DatasetFormat.MAX_ARRAY / width * width)));
        vectors = Arrays.copyOf(vectors, bytes.length / width);
      }
      float[][] encoded = kind.usesEncoder() ? encoder.encode(pending) : null;
      for (int i = 0; i < pending.size(); i++) {
        float[] v = encoded == null ? null : encoded[i];
        kind.write(pending.get(i), v, bytes, (count + i) * width);
        vectors[count + i] = v;
      }
      count = n;
      pending.clear();
    }
  }
}
