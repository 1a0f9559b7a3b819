package com.relabel.dataset;

import java.util.ArrayList;
import java.util.List;
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

    var rows = new DatasetRows(jdbc, BATCH);
    rows.classNames(datasetId, names);
    long[] ids = rows.samples(datasetId, images.labels(), null);
    rows.pixels(ids, 0, images.count(), images::image);
    if (trueLabels != null) {
      rows.truth(ids, trueLabels);
    }
    return dataset;
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
