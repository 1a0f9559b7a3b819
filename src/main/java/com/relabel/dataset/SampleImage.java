package com.relabel.dataset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Raw pixels of one image (row-major, channels last) and how to show them. */
public record SampleImage(int height, int width, int channels, byte[] pixels) {

  /** Encodes the image as PNG at its native size (the browser scales it up, pixelated). */
  public byte[] toPng() {
    int type = channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
    var img = new BufferedImage(width, height, type);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int at = (y * width + x) * channels;
        int r = pixels[at] & 0xff;
        int g = channels >= 3 ? pixels[at + 1] & 0xff : r;
        int b = channels >= 3 ? pixels[at + 2] & 0xff : r;
        if (channels == 1) {
          img.getRaster().setSample(x, y, 0, r);
        } else {
          img.setRGB(x, y, (r << 16) | (g << 8) | b);
        }
      }
    }
    try (var out = new ByteArrayOutputStream()) {
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
