package com.relabel.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /**
   * Keeps labels known to be correct beside an imported dataset, for evaluation only (never shown
   * to reviewers): the demo's texts, or a benchmark that flipped labels itself.
   *
   * @param trueClassByExternalId every sample's true class name, by the sample's id in its source
   * @throws IllegalArgumentException naming the first sample without a true class, or a class the
   *     dataset does not have; nothing is written then
   */
  @Transactional
  public void recordTruth(long datasetId, Map<String, String> trueClassByExternalId) {
    Map<String, Integer> classes = new HashMap<>();
    jdbc.query(
        "select class_index, name from class_label where dataset_id = ?",
        rs -> {
          classes.put(rs.getString(2), rs.getInt(1));
        },
        datasetId);
    Map<Long, Integer> truth = new TreeMap<>();
    jdbc.query(
        "select id, external_id from sample where dataset_id = ?",
        rs -> {
          String id = rs.getString(2);
          String name = trueClassByExternalId.get(id);
          if (name == null) {
            throw new IllegalArgumentException("no true label for sample '" + id + "'");
          }
          Integer label = classes.get(name);
          if (label == null) {
            throw new IllegalArgumentException(
                "sample '" + id + "': the dataset has no class '" + name + "'");
          }
          truth.put(rs.getLong(1), label);
        },
        datasetId);
    long[] ids = truth.keySet().stream().mapToLong(Long::longValue).toArray();
    int[] labels = truth.values().stream().mapToInt(Integer::intValue).toArray();
    new DatasetRows(jdbc, BATCH).truth(ids, labels);
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
