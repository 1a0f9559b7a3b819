package com.relabel.dataset;

import static com.relabel.dataset.ImageFolderFixture.solid;
import static com.relabel.dataset.ImageFolderFixture.write;
import static java.awt.image.BufferedImage.TYPE_BYTE_GRAY;
import static java.awt.image.BufferedImage.TYPE_INT_RGB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, items 8 and 9: one validation for every import format. Fewer than 2 classes is refused
 * in the same words by IDX, text and image imports; the decoded size is bounded before any work;
 * names that are not UTF-8 and duplicate text ids are refused, naming the file and line.
 */
class ImportValidationTest {

  static final String TOO_FEW = "fewer than 2 classes (labels found: ";
  static final String TOO_FEW_END = "); a dataset needs at least 2 classes";

  @TempDir Path dir;

  @Test
  void everyFormatRefusesFewerThanTwoClassesInTheSameWords() throws Exception {
    // IDX: three images, every label 4 (was accepted as a dataset of 5 classes)
    byte[] images = idxImages(3, 2, 2);
    byte[] labels = idxLabels(new byte[] {4, 4, 4});
    assertThatThrownBy(
            () ->
                IdxReader.read(
                    "one-images.idx",
                    () -> new ByteArrayInputStream(images),
                    "one-labels.idx",
                    () -> new ByteArrayInputStream(labels),
                    null))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage("one-labels.idx: " + TOO_FEW + "[4]" + TOO_FEW_END);

    Path csv = Files.writeString(dir.resolve("one.csv"), "text,label\nhello,cat\nworld,cat\n");
    assertThatThrownBy(() -> TextImport.scan(csv, "one.csv"))
        .isInstanceOf(TextFormatException.class)
        .hasMessage("one.csv: " + TOO_FEW + "[cat]" + TOO_FEW_END);

    Path folder = dir.resolve("one-folder");
    write(folder.resolve("cat/1.png"), solid(8, 8, TYPE_BYTE_GRAY, 0), "png");
    write(folder.resolve("cat/2.png"), solid(8, 8, TYPE_BYTE_GRAY, 0), "png");
    assertThatThrownBy(() -> ImageFolderReader.open(folder, ImageSizePolicy.automatic()))
        .isInstanceOf(ImageFolderException.class)
        .hasMessage(folder + ": " + TOO_FEW + "[cat]" + TOO_FEW_END);
  }

  @Test
  void imagesOverTheDecodedQuotaAreRefusedFromTheirHeaders() throws Exception {
    Path folder = dir.resolve("big");
    for (String file : new String[] {"cat/1.png", "cat/2.png", "dog/1.png", "dog/2.png"}) {
      write(folder.resolve(file), solid(16, 16, TYPE_INT_RGB, 0x336699), "png");
    }
    Path zip = ImageFolderFixture.zip(folder, dir.resolve("big.zip"));
    var limits = ImportLimits.DEFAULT.with(100_000, ImportLimits.DEFAULT.maxImagePixels());

    assertThatThrownBy(() -> ImageFolderReader.open(zip, ImageSizePolicy.fixed(128, 128), limits))
        .isInstanceOf(ImageFolderException.class)
        .hasMessage(
            "big.zip: 4 128x128 RGB images take 196,608 bytes once decoded, more than"
                + " the limit of 100,000 bytes per import (relabel.import.max-decoded-bytes);"
                + " nothing was imported");
    // the same images at 16x16 fit
    try (var reader = ImageFolderReader.open(zip, ImageSizePolicy.fixed(16, 16), limits)) {
      assertThat(reader.count()).isEqualTo(4);
    }
  }

  @Test
  void anImageLargerThanTheLimitIsRefusedByItsHeader() throws Exception {
    Path folder = dir.resolve("huge");
    write(folder.resolve("cat/1.png"), solid(300, 200, TYPE_BYTE_GRAY, 0), "png");
    write(folder.resolve("dog/1.png"), solid(8, 8, TYPE_BYTE_GRAY, 0), "png");
    var limits = ImportLimits.DEFAULT.with(1 << 30, 50_000);
    assertThatThrownBy(() -> ImageFolderReader.open(folder, ImageSizePolicy.automatic(), limits))
        .isInstanceOf(ImageFolderException.class)
        .hasMessage("cat/1.png: 300x200 pixels is more than the limit of 50,000");
  }

  @Test
  void idxImagesOverTheDecodedQuotaAreRefusedFromTheHeader() {
    // the header promises 100,000 images of 28x28; no pixel follows: the quota speaks first
    byte[] header = Arrays.copyOf(idxImages(100_000, 28, 28), 16);
    byte[] labels = idxLabels(new byte[] {0, 1});
    assertThatThrownBy(
            () ->
                IdxReader.read(
                    "huge-images.idx",
                    () -> new ByteArrayInputStream(header),
                    "labels.idx",
                    () -> new ByteArrayInputStream(labels),
                    null,
                    10_000_000))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage(
            "huge-images.idx: 100,000 28x28 images take 78,400,000 bytes once decoded, more than"
                + " the limit of 10,000,000 bytes per import (relabel.import.max-decoded-bytes);"
                + " nothing was imported");
  }

  @Test
  void aTextFileOverTheDecodedQuotaIsRefusedBeforeItIsRead() throws Exception {
    Path csv = Files.writeString(dir.resolve("long.csv"), "text,label\nhello,x\nworld,y\n");
    var texts = new TextImport(null, ImportLimits.DEFAULT.with(20, 40_000_000));
    assertThatThrownBy(() -> texts.importFile("long", csv, "long.csv"))
        .isInstanceOf(TextFormatException.class)
        .hasMessage(
            "long.csv: 27 bytes of text, more than the limit of 20 bytes per import"
                + " (relabel.import.max-decoded-bytes); nothing was imported");
  }

  @Test
  void aTextIdUsedTwiceIsRefusedNamingBothLines() throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("ids.csv"), "id,text,label\na,hello,x\nb,world,y\na,again,x\n");
    assertThatThrownBy(() -> TextImport.scan(csv, "ids.csv"))
        .isInstanceOf(TextFormatException.class)
        .hasMessage("ids.csv, line 4: the id 'a' is used again; it is on line 2");

    Path jsonl =
        Files.writeString(
            dir.resolve("ids.jsonl"),
            "{\"id\": 7, \"text\": \"a\", \"label\": \"x\"}\n"
                + "{\"id\": \"7\", \"text\": \"b\", \"label\": \"y\"}\n");
    assertThatThrownBy(() -> TextImport.scan(jsonl, "ids.jsonl"))
        .hasMessage("ids.jsonl, line 2: the id '7' is used again; it is on line 1");
  }

  @Test
  void aZipWhoseEntryNamesAreNotUtf8IsRefusedNamingTheEntry() throws Exception {
    byte[] png =
        Files.readAllBytes(write(dir.resolve("x.png"), solid(8, 8, TYPE_BYTE_GRAY, 0), "png"));
    Path zip = dir.resolve("latin1.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        var z = new ZipOutputStream(out, StandardCharsets.ISO_8859_1)) {
      for (String name : new String[] {"dog/1.png", "caf\u00e9/1.png"}) {
        z.putNextEntry(new ZipEntry(name));
        z.write(png);
        z.closeEntry();
      }
    }
    assertThatThrownBy(() -> ImageFolderReader.open(zip, ImageSizePolicy.automatic()))
        .isInstanceOf(ImageFolderException.class)
        .hasMessageStartingWith("latin1.zip: the name of entry 'caf\u00e9/1.png' is not UTF-8");
  }

  @Test
  void aDatasetNameThatWasNotUtf8IsRefused() {
    // what a servlet container makes of the Latin-1 bytes of "Café" read as UTF-8
    String mangled =
        StandardCharsets.UTF_8
            .decode(ByteBuffer.wrap("Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)))
            .toString();
    assertThat(mangled).isEqualTo("Caf\uFFFD");
    assertThatThrownBy(() -> DatasetNames.checked(mangled))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the dataset name is not valid UTF-8");
    assertThat(DatasetNames.checked(" Café ")).isEqualTo("Café");
  }

  @Test
  void oneSizeCheckGuardsImagesAndTextsAgainstIntOverflow() {
    // 175,000 RGB 64x64 images: 2,150,400,000 bytes, past an int (n * size overflowed before)
    assertThatThrownBy(() -> DatasetFormat.requireOneArray(175_000, 64 * 64 * 3, "images", "bytes"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "175,000 images x 12,288 bytes do not fit one training set (at most 174,762 images)");
    assertThatNoException()
        .isThrownBy(() -> DatasetFormat.requireOneArray(174_762, 64 * 64 * 3, "images", "bytes"));
  }

  private static byte[] idxImages(int count, int rows, int cols) {
    ByteBuffer b = ByteBuffer.allocate(16 + Math.min(count * rows * cols, 1 << 20));
    b.putInt(0x00000803).putInt(count).putInt(rows).putInt(cols);
    return b.array();
  }

  private static byte[] idxLabels(byte[] labels) {
    ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
    b.putInt(0x00000801).putInt(labels.length).put(labels);
    return b.array();
  }
}
