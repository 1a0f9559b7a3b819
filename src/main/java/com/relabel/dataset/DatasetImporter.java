package com.relabel.dataset;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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
    name = DatasetNames.checked(name);
    if (datasets.findByName(name).isPresent()) {
      throw new IllegalArgumentException("a dataset named '" + name + "' already exists");
    }
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

    insertClassNames(datasetId, names);
    insertSamples(datasetId, images.labels());
    long[] ids = SampleIds.byIndex(jdbc, datasetId, images.count());
    insertPixels(images, ids);
    if (trueLabels != null) {
      insertTruth(trueLabels, ids);
    }
    return dataset;
  }

  static List<String> defaultClassNames(int numClasses) {
    var names = new ArrayList<String>(numClasses);
    for (int k = 0; k < numClasses; k++) {
      names.add(Integer.toString(k));
    }
    return names;
  }

  private void insertClassNames(long datasetId, List<String> names) {
    jdbc.batchUpdate(
        "insert into class_label (dataset_id, class_index, name) values (?, ?, ?)",
        indexes(names.size()),
        BATCH,
        (PreparedStatement ps, Integer k) -> {
          ps.setLong(1, datasetId);
          ps.setInt(2, k);
          ps.setString(3, names.get(k));
        });
  }

  private void insertSamples(long datasetId, int[] labels) {
    List<Integer> indexes = indexes(labels.length);
    jdbc.batchUpdate(
        "insert into sample (dataset_id, sample_index, original_label, current_label, status,"
            + " version) values (?, ?, ?, ?, 'OPEN', 0)",
        indexes,
        BATCH,
        (ps, i) -> {
          ps.setLong(1, datasetId);
          ps.setInt(2, i);
          ps.setInt(3, labels[i]);
          ps.setInt(4, labels[i]);
        });
  }

  private void insertPixels(LabeledImages images, long[] ids) {
    jdbc.batchUpdate(
        "insert into sample_content (sample_id, pixels) values (?, ?)",
        indexes(images.count()),
        BATCH,
        (ps, i) -> {
          ps.setLong(1, ids[i]);
          ps.setBytes(2, images.image(i));
        });
  }

  private void insertTruth(int[] trueLabels, long[] ids) {
    jdbc.batchUpdate(
        "insert into sample_truth (sample_id, true_label) values (?, ?)",
        indexes(trueLabels.length),
        BATCH,
        (ps, i) -> {
          ps.setLong(1, ids[i]);
          ps.setInt(2, trueLabels[i]);
        });
  }

  private static List<Integer> indexes(int n) {
    return IntStream.range(0, n).boxed().toList();
  }
}
