package com.relabel.dataset;

import static com.relabel.dataset.ImageFolderFixture.solid;
import static com.relabel.dataset.ImageFolderFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading image folders: both layouts, the shape policy, and every refusal naming its file. */
class ImageFolderReaderTest {

  private static final int GRAY = BufferedImage.TYPE_BYTE_GRAY;
  private static final int RGB = BufferedImage.TYPE_INT_RGB;

  @TempDir Path dir;

  @Test
  void classFoldersAreSortedClassesAndTheRelativePathIsTheExternalId() throws Exception {
    write(dir.resolve("dog/b.png"), solid(10, 10, GRAY, 0x808080), "png");
    write(dir.resolve("cat/a.png"), solid(10, 10, GRAY, 0x101010), "png");
    write(dir.resolve("dog/sub/a.bmp"), solid(10, 10, GRAY, 0xf0f0f0), "bmp");
    write(dir.resolve("bird/z.gif"), solid(10, 10, GRAY, 0x404040), "gif");
    Files.writeString(dir.resolve("README.md"), "about the data");

    try (var r = ImageFolderReader.open(dir, ImageSizePolicy.automatic())) {
      assertThat(r.classNames()).containsExactly("bird", "cat", "dog");
      assertThat(r.count()).isEqualTo(4);
      assertThat(r.labels()).containsExactly(0, 1, 2, 2);
      assertThat(r.externalId(0)).isEqualTo("bird/z.gif");
      assertThat(r.externalId(3)).isEqualTo("dog/sub/a.bmp");
      assertThat(r.channels()).isEqualTo(1);
      assertThat(r.height()).isEqualTo(10);
      assertThat(r.resizedCount()).isZero();
      assertThat(r.pixels(1)[0] & 0xff).isEqualTo(0x10);
      assertThat(r.pixels(3)[55] & 0xff).isEqualTo(0xf0);
    }
  }

  @Test
  void aZipWithAWrappingFolderReadsLikeTheDirectory() throws Exception {
    Path data = dir.resolve("in/pets");
    write(data.resolve("cat/1.png"), solid(9, 9, GRAY, 0x202020), "png");
    write(data.resolve("dog/1.jpg"), solid(9, 9, GRAY, 0x202020), "jpg");
    Path zip = ImageFolderFixture.zip(dir.resolve("in"), dir.resolve("pets.zip"));

    try (var r = ImageFolderReader.open(zip, ImageSizePolicy.automatic())) {
      assertThat(r.classNames()).containsExactly("cat", "dog");
      assertThat(r.externalId(1)).isEqualTo("dog/1.jpg");
      assertThat(r.description()).isEqualTo("pets.zip (class folders)");
    }
  }

  @Test
  void labelsCsvWithClassNamesSortsThemAndKeepsRowOrder() throws Exception {
    write(dir.resolve("img/a.png"), solid(8, 8, GRAY, 0), "png");
    write(dir.resolve("img/b.png"), solid(8, 8, GRAY, 0), "png");
    write(dir.resolve("c.png"), solid(8, 8, GRAY, 0), "png");
    Files.writeString(
        dir.resolve("labels.csv"),
        "filename,label\nimg/b.png,zebra\n\"c.png\",ant\nimg/a.png,zebra\n");

    try (var r = ImageFolderReader.open(dir, ImageSizePolicy.automatic())) {
      assertThat(r.classNames()).containsExactly("ant", "zebra");
      assertThat(r.labels()).containsExactly(1, 0, 1);
      assertThat(r.externalId(0)).isEqualTo("img/b.png");
      assertThat(r.description()).endsWith("(labels.csv)");
    }
  }

  @Test
  void integerLabelsAreClassIndexes() throws Exception {
    write(dir.resolve("a.png"), solid(8, 8, GRAY, 0), "png");
    write(dir.resolve("b.png"), solid(8, 8, GRAY, 0), "png");
    Files.writeString(dir.resolve("labels.csv"), "image,label\na.png,3\nb.png,1\n");

    try (var r = ImageFolderReader.open(dir, ImageSizePolicy.automatic())) {
      assertThat(r.classNames()).containsExactly("0", "1", "2", "3");
      assertThat(r.labels()).containsExactly(3, 1);
    }
  }

  @Test
  void mixedSizesAreResizedToTheMostCommonOne() throws Exception {
    write(dir.resolve("a/1.png"), solid(20, 10, GRAY, 0x646464), "png");
    write(dir.resolve("a/2.png"), solid(20, 10, GRAY, 0x646464), "png");
    write(dir.resolve("b/3.png"), solid(40, 30, GRAY, 0x646464), "png");
    write(dir.resolve("b/4.png"), solid(5, 5, GRAY, 0x646464), "png");

    try (var r = ImageFolderReader.open(dir, ImageSizePolicy.automatic())) {
      assertThat(r.width()).isEqualTo(20);
      assertThat(r.height()).isEqualTo(10);
      assertThat(r.resizedCount()).isEqualTo(2);
      for (int i = 0; i < 4; i++) {
        byte[] px = r.pixels(i);
        assertThat(px).hasSize(200);
        for (byte b : px) {
          assertThat(b & 0xff).isEqualTo(0x64);
        }
      }
    }
  }

  @Test
  void largeImagesAreCappedKeepingTheAspectRatioOrSetToAFixedSize() throws Exception {
    write(dir.resolve("a/1.png"), solid(200, 100, RGB, 0x336699), "png");
    write(dir.resolve("b/1.png"), solid(200, 100, RGB, 0x336699), "png");

    try (var r = ImageFolderReader.open(dir, ImageSizePolicy.automatic())) {
      assertThat(r.width()).isEqualTo(64);
      assertThat(r.height()).isEqualTo(32);
      assertThat(r.resizedCount()).isEqualTo(2);
      byte[] px = r.pixels(0);
      assertThat(new int[] {px[0] & 0xff, px[1] & 0xff, px[2] & 0xff})
          .containsExactly(0x33, 0x66, 0x99);
    }
    try (var r = ImageFolderReader.open(dir, ImageSizePolicy.parse("16x12"))) {
      assertThat(r.width()).isEqualTo(16);
      assertThat(r.height()).isEqualTo(12);
      assertThat(r.pixels(1)).hasSize(16 * 12 * 3);
    }
  }

  /** 16 bits a channel are brought to 8, colour kept (decision 0046). */
  @Test
  void sixteenBitPngsAreReadAsEightBitsInColourOrGray() throws Exception {
    var rgb16 =
        new java.awt.image.ComponentColorModel(
            java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB),
            false,
            false,
            java.awt.Transparency.OPAQUE,
            java.awt.image.DataBuffer.TYPE_USHORT);
    var raster = rgb16.createCompatibleWritableRaster(12, 12);
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 12; x++) {
        raster.setPixel(x, y, new int[] {0xffff, 0x8080, 0});
      }
    }
    write(dir.resolve("a/1.png"), new BufferedImage(rgb16, raster, false, null), "png");
    BufferedImage gray16 = new BufferedImage(12, 12, BufferedImage.TYPE_USHORT_GRAY);
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 12; x++) {
        gray16.getRaster().setSample(x, y, 0, 0x8080);
      }
    }
    write(dir.resolve("b/1.png"), gray16, "png");

    try (var r = ImageFolderReader.open(dir, ImageSizePolicy.automatic())) {
      assertThat(r.channels()).isEqualTo(3);
      byte[] colour = r.pixels(0);
      assertThat(new int[] {colour[0] & 0xff, colour[1] & 0xff, colour[2] & 0xff})
          .containsExactly(0xff, 0x80, 0);
      byte[] gray = r.pixels(1);
      assertThat(new int[] {gray[0] & 0xff, gray[1] & 0xff, gray[2] & 0xff})
          .containsExactly(0x80, 0x80, 0x80);
    }
  }

  @Test
  void resizingIsAreaAveragingAndDeterministic() {
    byte[] src = {0, (byte) 100, (byte) 200, (byte) 255};
    assertThat(ImageResizer.resize(src, 2, 2, 1, 1, 1)).containsExactly((byte) 139);
    byte[] grown = ImageResizer.resize(src, 2, 2, 1, 4, 4);
    assertThat(grown[0] & 0xff).isZero();
    assertThat(grown[15] & 0xff).isEqualTo(255);
    assertThat(ImageResizer.resize(src, 2, 2, 1, 4, 4)).isEqualTo(grown);
  }

  @Test
  void oneColourImageMakesTheDatasetRgbAndGrayOnesAreReplicated() throws Exception {
    write(dir.resolve("a/1.png"), solid(8, 8, GRAY, 0x404040), "png");
    write(dir.resolve("b/1.jpg"), solid(8, 8, RGB, 0xff0000), "jpg");

    try (var r = ImageFolderReader.open(dir, ImageSizePolicy.automatic())) {
      assertThat(r.channels()).isEqualTo(3);
      byte[] gray = r.pixels(0);
      assertThat(new int[] {gray[0] & 0xff, gray[1] & 0xff, gray[2] & 0xff})
          .containsExactly(0x40, 0x40, 0x40);
      byte[] red = r.pixels(1);
      assertThat(red[0] & 0xff).isGreaterThan(200);
      assertThat(red[1] & 0xff).isLessThan(60);
      LabeledImages all = r.readAll();
      assertThat(all.channels()).isEqualTo(3);
      assertThat(all.count()).isEqualTo(2);
      assertThat(all.numClasses()).isEqualTo(2);
    }
  }

  @Test
  void aCorruptImageIsNamed() throws Exception {
    write(dir.resolve("a/1.png"), solid(8, 8, GRAY, 0), "png");
    Files.createDirectories(dir.resolve("b"));
    Files.write(dir.resolve("b/broken.png"), new byte[] {1, 2, 3, 4, 5});

    assertRefused(dir, "b/broken.png", "not a PNG, JPEG, BMP or GIF image");
  }

  @Test
  void aTruncatedImageIsNamedWhenDecoded() throws Exception {
    var random = new java.util.Random(3);
    write(dir.resolve("a/1.png"), ImageFolderFixture.classImage(0, 2, 30, random), "png");
    Path cut =
        write(dir.resolve("b/cut.png"), ImageFolderFixture.classImage(1, 2, 30, random), "png");
    byte[] bytes = Files.readAllBytes(cut);
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

    try (var r = ImageFolderReader.open(dir, ImageSizePolicy.automatic())) {
      r.pixels(0);
      assertThatThrownBy(() -> r.pixels(1))
          .isInstanceOf(ImageFolderException.class)
          .hasMessageStartingWith("b/cut.png: is corrupt or truncated");
    }
  }

  @Test
  void aLabelsRowNamingAMissingFileIsRefusedWithItsLine() throws Exception {
    write(dir.resolve("a.png"), solid(8, 8, GRAY, 0), "png");
    write(dir.resolve("b.png"), solid(8, 8, GRAY, 0), "png");
    Files.writeString(dir.resolve("labels.csv"), "file,label\na.png,x\n\nmissing.png,y\nb.png,y\n");

    assertRefused(dir, "labels.csv line 4", "missing.png");
  }

  @Test
  void anImageNotListedIsRefused() throws Exception {
    write(dir.resolve("a.png"), solid(8, 8, GRAY, 0), "png");
    write(dir.resolve("b.png"), solid(8, 8, GRAY, 0), "png");
    write(dir.resolve("extra/c.png"), solid(8, 8, GRAY, 0), "png");
    Files.writeString(dir.resolve("labels.csv"), "file,label\na.png,x\nb.png,y\n");

    assertRefused(dir, "extra/c.png", "not listed in labels.csv");
  }

  @Test
  void aBadLabelsHeaderAndAShortRowAreRefusedWithTheirLine() throws Exception {
    write(dir.resolve("a.png"), solid(8, 8, GRAY, 0), "png");
    Files.writeString(dir.resolve("labels.csv"), "name,label\na.png,x\n");
    assertRefused(dir, "labels.csv line 1", "needs a file column");

    Files.writeString(dir.resolve("labels.csv"), "file,label\na.png\n");
    assertRefused(dir, "labels.csv line 2", "1 fields");
  }

  @Test
  void fewerThanTwoClassesIsRefused() throws Exception {
    write(dir.resolve("cat/1.png"), solid(8, 8, GRAY, 0), "png");
    write(dir.resolve("cat/2.png"), solid(8, 8, GRAY, 0), "png");

    assertRefused(dir, dir.toString(), "a dataset needs at least 2 classes");
  }

  @Test
  void anEmptyFolderIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("empty/cat"));
    assertRefused(dir.resolve("empty"), dir.resolve("empty").toString(), "is empty");
  }

  @Test
  void anImageOutsideAClassFolderIsRefused() throws Exception {
    write(dir.resolve("cat/1.png"), solid(8, 8, GRAY, 0), "png");
    write(dir.resolve("dog/1.png"), solid(8, 8, GRAY, 0), "png");
    write(dir.resolve("stray.png"), solid(8, 8, GRAY, 0), "png");
    assertRefused(dir, "stray.png", "not in a class folder");
  }

  @Test
  void aZipEntryEscapingTheRootIsRefused() throws Exception {
    Path zip = dir.resolve("evil.zip");
    byte[] png = Files.readAllBytes(write(dir.resolve("x.png"), solid(8, 8, GRAY, 0), "png"));
    try (OutputStream out = Files.newOutputStream(zip);
        var z = new ZipOutputStream(out)) {
      for (String name : new String[] {"cat/1.png", "dog/1.png", "cat/../../escape.png"}) {
        z.putNextEntry(new ZipEntry(name));
        z.write(png);
        z.closeEntry();
      }
    }
    assertRefused(zip, "evil.zip", "outside the archive");
    assertThat(ZipSource.escapesRoot("/etc/passwd")).isTrue();
    assertThat(ZipSource.escapesRoot("C:/x.png")).isTrue();
    assertThat(ZipSource.escapesRoot("a/..b/x.png")).isFalse();
  }

  @Test
  void aZipOverTheSizeLimitIsRefused() throws Exception {
    Path zip = ImageFolderFixture.classFolderZip(dir.resolve("big.zip"), 2, 10, 16, 1);
    var limits = new ImportLimits(100, 1 << 20, 1 << 20, 1000);
    assertThatThrownBy(() -> ImageFolderReader.open(zip, ImageSizePolicy.automatic(), limits))
        .isInstanceOf(ImageFolderException.class)
        .hasMessageStartingWith("big.zip: ")
        .hasMessageContaining("larger than the limit");
  }

  @Test
  void aFileThatIsNeitherZipNorDirectoryIsRefused() throws Exception {
    Path notZip = Files.writeString(dir.resolve("data.zip"), "hello");
    assertRefused(notZip, "data.zip", "not a ZIP archive");
  }

  private static void assertRefused(Path source, String file, String problem) {
    assertThatThrownBy(
            () -> {
              try (var r = ImageFolderReader.open(source, ImageSizePolicy.automatic())) {
                r.readAll();
              }
            })
        .isInstanceOf(ImageFolderException.class)
        .hasMessageStartingWith(file)
        .hasMessageContaining(problem);
  }
}
