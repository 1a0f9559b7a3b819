package com.relabel.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Writes image folders and ZIPs of generated images for tests and the import benchmark. */
public final class ImageFolderFixture {

  private ImageFolderFixture() {}

  /**
   * A gray image of class {@code k}: dark noise with a bright bar whose position depends on the
   * class, so that a small network can tell the classes apart.
   */
  public static BufferedImage classImage(int k, int classes, int size, Random random) {
    var image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
    var raster = image.getRaster();
    int band = size / classes;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean bar = x >= k * band && x < (k + 1) * band;
        raster.setSample(x, y, 0, bar ? 200 + random.nextInt(56) : random.nextInt(40));
      }
    }
    return image;
  }

  /**
   * A uniformly coloured image of any type (e.g. {@code TYPE_INT_RGB}); for {@code TYPE_BYTE_GRAY}
   * the low byte of {@code rgb} is the stored gray value.
   */
  public static BufferedImage solid(int width, int height, int type, int rgb) {
    var image = new BufferedImage(width, height, type);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (type == BufferedImage.TYPE_BYTE_GRAY) {
          image.getRaster().setSample(x, y, 0, rgb & 0xff);
        } else {
          image.setRGB(x, y, rgb);
        }
      }
    }
    return image;
  }

  public static Path write(Path file, BufferedImage image, String format) throws IOException {
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IOException("no writer for " + format);
    }
    return file;
  }

  /** A ZIP with one folder per class ({@code class-0/00000.png} ...) under {@code dataset/}. */
  public static Path classFolderZip(Path zip, int classes, int perClass, int size, long seed)
      throws IOException {
    var random = new Random(seed);
    try (OutputStream out = Files.newOutputStream(zip);
        var z = new ZipOutputStream(out)) {
      for (int k = 0; k < classes; k++) {
        for (int i = 0; i < perClass; i++) {
          z.putNextEntry(new ZipEntry("dataset/class-%d/%05d.png".formatted(k, i)));
          ImageIO.write(classImage(k, classes, size, random), "png", z);
          z.closeEntry();
        }
      }
    }
    return zip;
  }

  /**
   * A ZIP of class folders of solid-colour RGB photos, {@code side} pixels a side: folder {@code
   * names[k]} holds one image {@code <i>.png} per colour {@code colours[k][i]} (0xRRGGBB).
   */
  public static Path colourPhotosZip(Path zip, int side, String[] names, int[][] colours)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        var z = new ZipOutputStream(out)) {
      for (int k = 0; k < names.length; k++) {
        for (int i = 0; i < colours[k].length; i++) {
          z.putNextEntry(new ZipEntry("%s/%d.png".formatted(names[k], i + 1)));
          ImageIO.write(solid(side, side, BufferedImage.TYPE_INT_RGB, colours[k][i]), "png", z);
          z.closeEntry();
        }
      }
    }
    return zip;
  }

  /** Zips a directory's files, paths relative to it. */
  public static Path zip(Path dir, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        var z = new ZipOutputStream(out);
        var files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        z.putNextEntry(new ZipEntry(dir.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, z);
        z.closeEntry();
      }
    }
    return zip;
  }
}
