package com.relabel.bench;

import com.relabel.dataset.BundledMnist;
import com.relabel.dataset.LabeledImages;
import com.relabel.scoring.EmbeddingIssues;
import com.relabel.scoring.Neighbours;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Counts near-duplicates and outliers in the bundled MNIST (not a test): {@code java -cp
 * target/classes:target/test-classes com.relabel.bench.EmbeddingIssuesOnMnist [train|test] [n]
 * [threads]}. The embedding is the image's raw pixels (784 values): the measure of what {@link
 * EmbeddingIssues} finds where the truth can be looked at; each pair and outlier shown is written
 * as a PNG to {@code target/embedding-issues/} (pairs side by side).
 */
final class EmbeddingIssuesOnMnist {

  private EmbeddingIssuesOnMnist() {}

  public static void main(String[] args) throws IOException {
    boolean train = args.length == 0 || args[0].equals("train");
    LabeledImages images = train ? BundledMnist.train() : BundledMnist.test();
    int n = args.length > 1 ? Math.min(Integer.parseInt(args[1]), images.count()) : images.count();
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int size = images.height() * images.width();
    float[][] pixels = new float[n][size];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < size; p++) {
        pixels[i][p] = (images.pixels()[i * size + p] & 0xff) / 255f;
      }
      labels[i] = images.labels()[i];
    }
    long start = System.nanoTime();
    Neighbours neighbours = Neighbours.search(pixels, 10, threads);
    long searched = System.nanoTime();
    var found = EmbeddingIssues.find(pixels, labels, images.numClasses(), neighbours);
    long done = System.nanoTime();
    long otherLabel = found.nearDuplicates().stream().filter(p -> !p.sameLabel()).count();
    System.out.printf(
        "MNIST %s, first %,d images, raw pixels: kNN search %.1f s, issues %.2f s%n",
        train ? "train" : "test", n, (searched - start) / 1e9, (done - searched) / 1e9);
    System.out.printf(
        "near-duplicate radius %.5f (cosine distance): %,d pairs, %,d with different labels%n",
        found.radius(), found.nearDuplicates().size(), otherLabel);
    System.out.printf(
        "outlier fence %.4f: %,d outliers (%.2f %%)%n",
        found.fence(), found.outliers().length, 100.0 * found.outliers().length / n);
    double[] sorted = found.centroidDistance().clone();
    java.util.Arrays.sort(sorted);
    double q1 = sorted[n / 4];
    double q3 = sorted[3 * n / 4];
    long inner = java.util.Arrays.stream(sorted).filter(d -> d > q3 + 1.5 * (q3 - q1)).count();
    System.out.printf(
        "centroid distance: median %.4f, Q1 %.4f, Q3 %.4f, max %.4f; past the inner fence"
            + " (Q3 + 1.5 IQR) %,d%n",
        sorted[n / 2], q1, q3, sorted[n - 1], inner);
    Path out = Path.of("target", "embedding-issues");
    Files.createDirectories(out);
    int shown = 0;
    for (var pair : found.nearDuplicates()) {
      if (!pair.sameLabel() || shown < 5) {
        System.out.printf(
            "  pair #%d (label %d) #%d (label %d): distance %.5f%n",
            pair.first(),
            labels[pair.first()],
            pair.second(),
            labels[pair.second()],
            pair.distance());
        write(
            images,
            out.resolve("pair-" + pair.first() + "-" + pair.second() + ".png"),
            pair.first(),
            pair.second());
        shown++;
      }
    }
    for (int k = 0; k < Math.min(8, found.outliers().length); k++) {
      int i = found.outliers()[k];
      System.out.printf(
          "  outlier #%d (label %d): %.4f from the nearest class centroid%n",
          i, labels[i], found.centroidDistance()[i]);
      write(images, out.resolve("outlier-" + i + ".png"), i);
    }
  }

  /** The images side by side, 4x enlarged. */
  private static void write(LabeledImages images, Path file, int... rows) throws IOException {
    int h = images.height();
    int w = images.width();
    int scale = 4;
    var picture =
        new BufferedImage(
            w * scale * rows.length + 4 * (rows.length - 1),
            h * scale,
            BufferedImage.TYPE_BYTE_GRAY);
    for (int r = 0; r < rows.length; r++) {
      for (int y = 0; y < h * scale; y++) {
        for (int x = 0; x < w * scale; x++) {
          int v = images.pixels()[rows[r] * h * w + (y / scale) * w + x / scale] & 0xff;
          picture.getRaster().setSample(r * (w * scale + 4) + x, y, 0, v);
        }
      }
    }
    ImageIO.write(picture, "png", file.toFile());
  }
}
