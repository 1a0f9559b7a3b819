package com.relabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  private static final byte[] PIXELS = {
    0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, -1, -2, -3, 7, 8, 9
  };
  private static final byte[] LABELS = {2, 0, 1};

  @TempDir Path dir;

  @Test
  void readsRawFilesRoundTrip() throws IOException {
    LabeledImages data = read(images(), labels(), null);

    assertThat(data.count()).isEqualTo(3);
    assertThat(data.height()).isEqualTo(2);
    assertThat(data.width()).isEqualTo(3);
    assertThat(data.channels()).isEqualTo(1);
    assertThat(data.pixels()).containsExactly(PIXELS);
    assertThat(data.labels()).containsExactly(2, 0, 1);
    assertThat(data.numClasses()).isEqualTo(3);
  }

  @Test
  void detectsGzipByContentNotByName() throws IOException {
    Path gzNamedRaw = write("images.idx", gzip(images()));
    Path rawNamedGz = write("labels.gz", labels());

    LabeledImages data = IdxReader.read(gzNamedRaw, rawNamedGz, 5);

    assertThat(data.pixels()).containsExactly(PIXELS);
    assertThat(data.labels()).containsExactly(2, 0, 1);
    assertThat(data.numClasses()).isEqualTo(5);
  }

  @Test
  void readsColourImagesWithFourDimensions() throws IOException {
    byte[] colour = idx(IdxReader.COLOR_IMAGES_MAGIC, new int[] {3, 1, 2, 3}, PIXELS);

    LabeledImages data = read(colour, labels(), null);

    assertThat(data.height()).isEqualTo(1);
    assertThat(data.width()).isEqualTo(2);
    assertThat(data.channels()).isEqualTo(3);
    assertThat(data.pixels()).containsExactly(PIXELS);
  }

  @Test
  void refusesEmptyFile() {
    assertRefused(new byte[0], labels(), "images.idx: empty file");
  }

  @Test
  void refusesTruncatedHeader() {
    byte[] cut = Arrays.copyOf(images(), 10);
    assertRefused(cut, labels(), "images.idx: truncated header: expected 16 bytes, found 10");
    assertRefused(
        images(),
        Arrays.copyOf(labels(), 2),
        "labels.idx: truncated header: expected 4 bytes, found 2");
  }

  @Test
  void refusesTruncatedPixels() {
    byte[] cut = Arrays.copyOf(images(), 16 + 5);
    assertRefused(
        cut,
        labels(),
        "images.idx: truncated: expected 18 pixel bytes for 3 images of 2x3, found 5");
  }

  @Test
  void refusesTruncatedLabels() {
    byte[] cut = Arrays.copyOf(labels(), 8 + 2);
    assertRefused(images(), cut, "labels.idx: truncated: expected 3 label bytes, found 2");
  }

  @Test
  void refusesTruncatedGzip() throws IOException {
    byte[] gz = gzip(images());
    Path imagesFile = write("images.gz", Arrays.copyOf(gz, gz.length - 12));
    Path labelsFile = write("labels.idx", labels());

    assertThatThrownBy(() -> IdxReader.read(imagesFile, labelsFile, null))
        .isInstanceOf(IdxFormatException.class)
        .hasMessageStartingWith(imagesFile + ": truncated");
  }

  @Test
  void refusesGzipWithoutItsTrailer() throws IOException {
    byte[] gz = gzip(images());
    Path imagesFile = write("images.gz", Arrays.copyOf(gz, gz.length - 4));
    Path labelsFile = write("labels.idx", labels());

    assertThatThrownBy(() -> IdxReader.read(imagesFile, labelsFile, null))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage(imagesFile + ": truncated: the gzip stream ends before its trailer");
  }

  @Test
  void refusesWrongMagicNumber() {
    byte[] bad = idx(0x12345678, new int[] {3, 2, 3}, PIXELS);
    assertRefused(
        bad,
        labels(),
        "images.idx: not an IDX file: magic number 0x12345678, "
            + "expected 0x00000803 or 0x00000804 (images)");
  }

  @Test
  void hintsWhenImagesAndLabelsAreSwapped() {
    assertRefused(
        labels(),
        images(),
        "images.idx: magic number 0x00000801 is a labels file, expected 0x00000803 or 0x00000804 "
            + "(images); are the images and labels files swapped?");
    assertRefused(
        images(),
        images(),
        "labels.idx: magic number 0x00000803 is an images file, expected 0x00000801 (labels); "
            + "are the images and labels files swapped?");
  }

  @Test
  void refusesUnsupportedDataType() {
    byte[] floats = idx(0x00000D03, new int[] {3, 2, 3}, new byte[72]);
    assertRefused(
        floats,
        labels(),
        "images.idx: unsupported data type 0x0D in magic number 0x00000D03; "
            + "only unsigned bytes (0x08) are supported");
  }

  @Test
  void refusesWrongNumberOfDimensions() {
    byte[] twoDims = idx(0x00000802, new int[] {3, 6}, PIXELS);
    assertRefused(
        twoDims,
        labels(),
        "images.idx: magic number 0x00000802 has 2 dimensions, "
            + "expected 0x00000803 or 0x00000804 (images)");
  }

  @Test
  void refusesZeroDimensions() {
    assertRefused(
        idx(IdxReader.IMAGES_MAGIC, new int[] {3, 0, 3}, new byte[0]),
        labels(),
        "images.idx: invalid dimension: 0 rows in the header");
    assertRefused(
        idx(IdxReader.IMAGES_MAGIC, new int[] {0, 2, 3}, new byte[0]),
        labels(),
        "images.idx: invalid dimension: 0 images in the header");
  }

  @Test
  void refusesLabelCountDifferentFromImageCount() {
    byte[] twoLabels = idx(IdxReader.LABELS_MAGIC, new int[] {2}, new byte[] {0, 1});
    assertRefused(images(), twoLabels, "labels.idx: has 2 labels but images.idx has 3 images");
  }

  @Test
  void refusesLabelOutsideTheGivenClassRange() throws IOException {
    Path imagesFile = write("images.idx", images());
    Path labelsFile = write("labels.idx", labels());

    assertThatThrownBy(() -> IdxReader.read(imagesFile, labelsFile, 2))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage(labelsFile + ": label 2 of sample 0 is outside the class range [0, 2)")
        .extracting(e -> ((IdxFormatException) e).fileName())
        .isEqualTo(labelsFile.toString());
  }

  @Test
  void refusesTrailingData() {
    byte[] longer = Arrays.copyOf(images(), images().length + 2);
    assertRefused(longer, labels(), "images.idx: trailing data: 2 unexpected bytes after 3 images");
    byte[] longerLabels = Arrays.copyOf(labels(), labels().length + 1);
    assertRefused(
        images(), longerLabels, "labels.idx: trailing data: 1 unexpected bytes after 3 labels");
  }

  @Test
  void refusesClassCountOutsideOneTo256() {
    assertThatThrownBy(() -> read(images(), labels(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> read(images(), labels(), 257))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsMnistFromTheClasspath() throws IOException {
    LabeledImages train = mnist("train", null);
    LabeledImages test = mnist("t10k", 10);

    assertThat(train.count()).isEqualTo(60_000);
    assertThat(train.height()).isEqualTo(28);
    assertThat(train.width()).isEqualTo(28);
    assertThat(train.channels()).isEqualTo(1);
    assertThat(train.numClasses()).isEqualTo(10);
    assertThat(train.labels()[0]).isEqualTo(5);
    assertThat(test.count()).isEqualTo(10_000);
    assertThat(test.labels()[0]).isEqualTo(7);
  }

  @Test
  void readsFullMnistQuicklyFromRawFiles() throws IOException {
    Path imagesFile = write("train-images-idx3-ubyte", gunzip("train-images-idx3-ubyte.gz"));
    Path labelsFile = write("train-labels-idx1-ubyte", gunzip("train-labels-idx1-ubyte.gz"));
    IdxReader.read(imagesFile, labelsFile, null); // warm up

    long start = System.nanoTime();
    LabeledImages data = IdxReader.read(imagesFile, labelsFile, null);
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(data.count()).isEqualTo(60_000);
    assertThat(seconds).as("seconds to read 60k raw MNIST images").isLessThan(1.0);
  }

  // --- helpers ---

  static LabeledImages mnist(String prefix, Integer numClasses) throws IOException {
    String images = "/demo/mnist/" + prefix + "-images-idx3-ubyte.gz";
    String labels = "/demo/mnist/" + prefix + "-labels-idx1-ubyte.gz";
    return IdxReader.read(
        images, () -> resource(images), labels, () -> resource(labels), numClasses);
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = IdxReaderTest.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing resource " + name);
    }
    return in;
  }

  private static byte[] gunzip(String name) throws IOException {
    try (InputStream in = new java.util.zip.GZIPInputStream(resource("/demo/mnist/" + name))) {
      return in.readAllBytes();
    }
  }

  private static LabeledImages read(byte[] images, byte[] labels, Integer numClasses)
      throws IOException {
    return IdxReader.read(
        "images.idx",
        () -> new java.io.ByteArrayInputStream(images),
        "labels.idx",
        () -> new java.io.ByteArrayInputStream(labels),
        numClasses);
  }

  private static void assertRefused(byte[] images, byte[] labels, String message) {
    assertThatThrownBy(() -> read(images, labels, null))
        .isInstanceOf(IdxFormatException.class)
        .hasMessage(message);
  }

  private static byte[] images() {
    return idx(IdxReader.IMAGES_MAGIC, new int[] {3, 2, 3}, PIXELS);
  }

  private static byte[] labels() {
    return idx(IdxReader.LABELS_MAGIC, new int[] {3}, LABELS);
  }

  private static byte[] idx(int magic, int[] dims, byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    buffer.putInt(magic);
    for (int d : dims) {
      buffer.putInt(d);
    }
    return buffer.put(data).array();
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }
}
