package com.relabel.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A feature table whose classes differ in two numbers and a colour, with some empty cells and a
 * share of labels flipped: {@code id,width,colour,label,height}. Row {@code i} has class {@code
 * truth[i]} ({@code "a"} or {@code "b"}) and is labelled {@code given[i]}.
 */
public record SyntheticTable(String csv, String[] truth, String[] given) {

  /** Class a's mean width and height; b's are 10 more. */
  public static final double MEAN_A = 20;

  public static SyntheticTable generate(int rows, double flipped, long seed) {
    var random = new Random(seed);
    var csv = new StringBuilder("id,width,colour,label,height\n");
    String[] truth = new String[rows];
    String[] given = new String[rows];
    for (int i = 0; i < rows; i++) {
      boolean b = i % 2 == 1;
      truth[i] = b ? "b" : "a";
      given[i] = random.nextDouble() < flipped ? (b ? "a" : "b") : truth[i];
      double shift = b ? 10 : 0;
      String width =
          i % 17 == 3 ? "" : "%.2f".formatted(MEAN_A + shift + 2 * random.nextGaussian());
      String colour =
          i % 13 == 5 ? "" : random.nextDouble() < 0.85 ? (b ? "blue" : "red") : "green";
      String height = "%.1f".formatted(MEAN_A + shift + 2 * random.nextGaussian());
      csv.append("r%d,%s,%s,%s,%s\n".formatted(i, width, colour, given[i], height));
    }
    return new SyntheticTable(csv.toString(), truth, given);
  }

  public Path write(Path file) throws IOException {
    return Files.writeString(file, csv, StandardCharsets.UTF_8);
  }
}
