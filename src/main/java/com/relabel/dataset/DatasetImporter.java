package com.relabel.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a validated, in-memory dataset to the database in one transaction: either every sample is
 * stored or none is. Parsing and validation happen before this point (see {@link IdxReader}).
 */
@Service
public class DatasetImporter {

  private static final int BATCH = 1000;

  private final DatasetRepository datasets;
  private final JdbcTemplate jdbc;

  DatasetImporter(DatasetRepository datasets, JdbcTemplate jdbc) {
    this.datasets = datasets;
    this.jdbc = jdbc;
  }

  /**
   * Imports images with their labels.
   *
   * @param classNames one display name per class, or {@code null} for "0", "1", ...
   * @param trueLabels labels known to be correct, kept aside for evaluation, or {@code null}
   */
  @Transactional
  public Dataset importImages(
      String name, LabeledImages images, List<String> classNames, int[] trueLabels, String source) {
    name = DatasetNames.checkedAndFree(name, datasets);
    if (trueLabels != null && trueLabels.length != images.count()) {
      throw new IllegalArgumentException("one true label per sample expected");
    }
    List<String> names = classNames != null ? classNames : defaultClassNames(images.numClasses());
    if (names.size() != images.numClasses()) {
      throw new IllegalArgumentException(
          names.size() + " class names for " + images.numClasses() + " classes");
    }
    var dataset = new Dataset(name, DatasetKind.IMAGE, images.numClasses(), source);
    dataset.setImageShape(images.height(), images.width(), images.channels());
    dataset = datasets.saveAndFlush(dataset);
    long datasetId = dataset.getId();

    var rows = new DatasetRows(jdbc, BATCH);
    rows.classNames(datasetId, names);
    long[] ids = rows.samples(datasetId, images.labels(), null);
    rows.pixels(ids, 0, images.count(), images::image);
    if (trueLabels != null) {
      rows.truth(ids, trueLabels);
    }
    return dataset;
  }

  /** A sample's true class, named with the sample's id in its source (its external id). */
  public record Truth(String externalId, String className) {}

  /**
   * Keeps labels known to be correct beside an imported dataset, for evaluation only (never shown
   * to reviewers): the demo's texts, or a benchmark that flipped labels itself. Streamed: the
   * samples are read {@value #BATCH} at a time by sample index and each batch's truth is written
   * before the next is read, so memory does not grow with the dataset.
   *
   * @param bySampleIndex one true class per sample, in sample index order; each names the sample it
   *     is for, and a sample whose external id differs is refused
   * @throws IllegalArgumentException naming the first sample without a true class, or with another
   *     id, or a class the dataset does not have, or a true class beyond the last sample; nothing
   *     is written then
   */
  @Transactional
  public void recordTruth(long datasetId, Iterator<Truth> bySampleIndex) {
    Map<String, Integer> classes = new HashMap<>();
    jdbc.query(
        "select class_index, name from class_label where dataset_id = ?",
        rs -> {
          classes.put(rs.getString(2), rs.getInt(1));
        },
        datasetId);
    var rows = new DatasetRows(jdbc, BATCH);
    for (int from = 0; ; from += BATCH) {
      List<long[]> batch =
          jdbc.query(
              "select id, sample_index, external_id from sample where dataset_id = ?"
                  + " and sample_index >= ? and sample_index < ? order by sample_index",
              (rs, n) ->
                  new long[] {
                    rs.getLong(1), trueClass(rs.getInt(2), rs.getString(3), bySampleIndex, classes)
                  },
              datasetId,
              from,
              from + BATCH);
      if (batch.isEmpty()) {
        break;
      }
      rows.truth(
          batch.stream().mapToLong(r -> r[0]).toArray(),
          batch.stream().mapToInt(r -> (int) r[1]).toArray());
    }
    if (bySampleIndex.hasNext()) {
      throw new IllegalArgumentException(
          "a true label for sample '"
              + bySampleIndex.next().externalId()
              + "', which the dataset does not have");
    }
  }

  /** The next true class, checked to be sample #index's (named {@code externalId}). */
  private static int trueClass(
      int index, String externalId, Iterator<Truth> truth, Map<String, Integer> classes) {
    if (!truth.hasNext()) {
      throw new IllegalArgumentException(
          "no true label for sample #" + index + " ('" + externalId + "')");
    }
    Truth next = truth.next();
    if (!Objects.equals(next.externalId(), externalId)) {
      throw new IllegalArgumentException(
          "sample #"
              + index
              + " is '"
              + externalId
              + "', but its true label names '"
              + next.externalId()
              + "'");
    }
    Integer label = classes.get(next.className());
    if (label == null) {
      throw new IllegalArgumentException(
          "sample '" + externalId + "': the dataset has no class '" + next.className() + "'");
    }
    return label;
  }

  /** The class names of a dataset that has none of its own: "0", "1", ... */
  public static List<String> defaultClassNames(int numClasses) {
    var names = new ArrayList<String>(numClasses);
    for (int k = 0; k < numClasses; k++) {
      names.add(Integer.toString(k));
    }
    return names;
  }
}
