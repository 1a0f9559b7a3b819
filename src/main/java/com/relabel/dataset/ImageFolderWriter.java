package com.relabel.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an opened image folder in one transaction: the dataset, its class names, one sample per
 * image (external id = its relative path), then the pixels in batches, each image decoded and
 * resized just before its batch is sent. Any failure, a corrupt image included, rolls it all back.
 */
@Service
class ImageFolderWriter {

  private static final int BATCH = 500;

  private final DatasetRepository datasets;
  private final JdbcTemplate jdbc;

  ImageFolderWriter(DatasetRepository datasets, JdbcTemplate jdbc) {
    this.datasets = datasets;
    this.jdbc = jdbc;
  }

  @Transactional(rollbackFor = IOException.class)
  public Dataset write(String name, ImageFolderReader images) throws IOException {
    name = DatasetNames.checkedAndFree(name, datasets);
    List<String> classes = images.classNames();
    var dataset = new Dataset(name, DatasetKind.IMAGE, classes.size(), images.description());
    dataset.setImageShape(images.height(), images.width(), images.channels());
    dataset = datasets.saveAndFlush(dataset);
    long datasetId = dataset.getId();
    var rows = new DatasetRows(jdbc, BATCH);
    rows.classNames(datasetId, classes);
    int[] labels = images.labels();
    long[] ids = rows.samples(datasetId, labels, images::externalId);
    for (int from = 0; from < labels.length; from += BATCH) {
      int to = Math.min(labels.length, from + BATCH);
      List<byte[]> pixels = decode(images, from, to);
      int first = from;
      rows.pixels(ids, from, to, i -> pixels.get(i - first));
    }
    return dataset;
  }

  /** Decodes and resizes images {@code from..to-1}, in parallel; a failure is rethrown. */
  private static List<byte[]> decode(ImageFolderReader images, int from, int to)
      throws IOException {
    byte[][] out = new byte[to - from][];
    try {
      IntStream.range(from, to)
          .parallel()
          .forEach(
              i -> {
                try {
                  out[i - from] = images.pixels(i);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return Arrays.asList(out);
  }
}
