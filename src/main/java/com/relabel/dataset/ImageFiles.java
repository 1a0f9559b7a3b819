package com.relabel.dataset;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads image files with {@code javax.imageio} (PNG, JPEG, BMP, GIF; of a GIF the first frame): the
 * header alone to plan the import, the pixels as 8-bit grayscale or RGB bytes. Alpha is dropped.
 * Any failure names the file.
 */
final class ImageFiles {

  /** Width, height and whether the file stores gray values only. */
  record Header(int width, int height, boolean gray) {}

  /** Decoded pixels, {@code [row][column][channel]}. */
  record Pixels(int width, int height, byte[] values) {}

  private ImageFiles() {}

  static Header header(ImageSource source, String file, ImportLimits limits) throws IOException {
    try (InputStream in = source.open(file);
        ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
      ImageReader reader = readerFor(iis, file);
      try {
        reader.setInput(iis, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if ((long) w * h > limits.maxImagePixels()) {
          throw new ImageFolderException(
              file,
              "%dx%d pixels is more than the limit of %,d"
                  .formatted(w, h, limits.maxImagePixels()));
        }
        return new Header(w, h, isGray(imageType(reader)));
      } catch (ImageFolderException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw new ImageFolderException(file, "cannot be read as an image (" + e.getMessage() + ")");
      } finally {
        reader.dispose();
      }
    }
  }

  /** Decodes a file into {@code channels} (1 or 3) bytes per pixel. */
  static Pixels decode(ImageSource source, String file, int channels) throws IOException {
    BufferedImage image;
    try (InputStream in = source.open(file);
        ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
      ImageReader reader = readerFor(iis, file);
      try {
        reader.setInput(iis, true, true);
        image = reader.read(0);
      } catch (IOException | RuntimeException e) {
        throw new ImageFolderException(file, "is corrupt or truncated (" + e.getMessage() + ")");
      } finally {
        reader.dispose();
      }
    }
    return new Pixels(image.getWidth(), image.getHeight(), bytes(image, channels));
  }

  private static ImageReader readerFor(ImageInputStream iis, String file)
      throws ImageFolderException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
    if (!readers.hasNext()) {
      throw new ImageFolderException(file, "is not a PNG, JPEG, BMP or GIF image");
    }
    return readers.next();
  }

  private static ImageTypeSpecifier imageType(ImageReader reader) throws IOException {
    ImageTypeSpecifier raw = reader.getRawImageType(0);
    if (raw != null) {
      return raw;
    }
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    return types.hasNext() ? types.next() : null;
  }

  private static boolean isGray(ImageTypeSpecifier type) {
    if (type == null) {
      return false;
    }
    ColorModel cm = type.getColorModel();
    if (cm instanceof IndexColorModel palette) {
      for (int i = 0; i < palette.getMapSize(); i++) {
        int r = palette.getRed(i);
        if (r != palette.getGreen(i) || r != palette.getBlue(i)) {
          return false;
        }
      }
      return true;
    }
    return cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
  }

  private static byte[] bytes(BufferedImage image, int channels) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h * channels];
    ColorModel cm = image.getColorModel();
    if (!(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
      // straight from the raster: getRGB would apply a linear-to-sRGB gamma to gray values
      Raster raster = image.getRaster();
      int max = (1 << cm.getComponentSize(0)) - 1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int v = raster.getSample(x, y, 0);
          byte g = (byte) (max == 255 ? v : (v * 255 + max / 2) / max);
          for (int c = 0; c < channels; c++) {
            out[(y * w + x) * channels + c] = g;
          }
        }
      }
      return out;
    }
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int r = (row[x] >> 16) & 0xff;
        int g = (row[x] >> 8) & 0xff;
        int b = row[x] & 0xff;
        int at = (y * w + x) * channels;
        if (channels == 1) {
          out[at] =
              (byte) (r == g && g == b ? r : Math.round(0.299f * r + 0.587f * g + 0.114f * b));
        } else {
          out[at] = (byte) r;
          out[at + 1] = (byte) g;
          out[at + 2] = (byte) b;
        }
      }
    }
    return out;
  }
}
