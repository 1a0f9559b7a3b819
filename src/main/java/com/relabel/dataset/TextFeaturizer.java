package com.relabel.dataset;

import java.util.List;
import java.util.Locale;

/**
 * Turns a text into a fixed-length feature vector the trainer can learn from: lower-cased words
 * (runs of letters and digits) and word pairs, hashed into {@code dimension} buckets (the hashing
 * trick: no vocabulary to store), {@code log(1 + count)} per bucket, scaled to unit length and
 * quantised to one unsigned byte per bucket. Deterministic: the same text gives the same bytes on
 * every machine. The vectors are stored as 1 x dimension x 1 "images" ({@link LabeledImages}), so
 * the {@code MLP} trains on them unchanged (decision 0016).
 */
public final class TextFeaturizer {

  /** Buckets used for text datasets: 2^12 (see docs/decisions/0016-text-datasets.md). */
  public static final int DEFAULT_DIMENSION = 1 << 12;

  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private final int dimension;

  public TextFeaturizer(int dimension) {
    if (dimension < 2) {
      throw new IllegalArgumentException("at least 2 buckets, not " + dimension);
    }
    this.dimension = dimension;
  }

  /** The featurizer of text datasets. */
  public static TextFeaturizer standard() {
    return new TextFeaturizer(DEFAULT_DIMENSION);
  }

  public int dimension() {
    return dimension;
  }

  /** The features of one text. */
  public byte[] features(String text) {
    byte[] out = new byte[dimension];
    features(text, out, 0);
    return out;
  }

  /** Writes the features of {@code text} to {@code out[offset .. offset + dimension)}. */
  public void features(String text, byte[] out, int offset) {
    float[] counts = new float[dimension];
    String lower = text.toLowerCase(Locale.ROOT);
    int previous = 0; // hash state after the previous word, 0 = none
    int at = 0;
    int n = lower.length();
    while (at < n) {
      while (at < n && !Character.isLetterOrDigit(lower.charAt(at))) {
        at++;
      }
      if (at >= n) {
        break;
      }
      int word = FNV_OFFSET;
      int pair = previous == 0 ? 0 : mix(previous, ' ');
      while (at < n && Character.isLetterOrDigit(lower.charAt(at))) {
        char c = lower.charAt(at++);
        word = mix(word, c);
        pair = pair == 0 ? 0 : mix(pair, c);
      }
      counts[bucket(word)]++;
      if (pair != 0) {
        counts[bucket(pair ^ 0x5bd1e995)]++;
      }
      previous = word;
    }
    quantise(counts, out, offset);
  }

  /** Features of many texts, back to back, as 1 x dimension x 1 images with their labels. */
  public LabeledImages featurize(List<String> texts, int[] labels, int numClasses) {
    byte[] all = new byte[texts.size() * dimension];
    for (int i = 0; i < texts.size(); i++) {
      features(texts.get(i), all, i * dimension);
    }
    return new LabeledImages(texts.size(), 1, dimension, 1, all, labels, numClasses);
  }

  private static int mix(int hash, char c) {
    return (hash ^ c) * FNV_PRIME;
  }

  private int bucket(int hash) {
    // murmur3's finaliser spreads FNV's low bits before the modulo
    int h = hash;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Math.floorMod(h, dimension);
  }

  private static void quantise(float[] counts, byte[] out, int offset) {
    double norm = 0;
    for (int b = 0; b < counts.length; b++) {
      if (counts[b] > 0) {
        counts[b] = (float) Math.log1p(counts[b]);
        norm += counts[b] * counts[b];
      }
    }
    double scale = norm == 0 ? 0 : 255 / Math.sqrt(norm);
    for (int b = 0; b < counts.length; b++) {
      out[offset + b] = (byte) Math.min(255, Math.round(counts[b] * scale));
    }
  }
}
