package com.relabel.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads datasets and their samples for the other modules. */
@Service
@Transactional(readOnly = true)
public class DatasetService {

  private final DatasetRepository datasets;
  private final SampleRepository samples;
  private final JdbcTemplate jdbc;
  private final DatasetFormats formats;

  DatasetService(
      DatasetRepository datasets,
      SampleRepository samples,
      JdbcTemplate jdbc,
      DatasetFormats formats) {
    this.datasets = datasets;
    this.samples = samples;
    this.jdbc = jdbc;
    this.formats = formats;
  }

  public Dataset get(long datasetId) {
    return datasets
        .findById(datasetId)
        .orElseThrow(() -> new NoSuchElementException("no dataset " + datasetId));
  }

  public Optional<Dataset> findByName(String name) {
    return datasets.findByName(name);
  }

  public List<DatasetOverview> overview() {
    List<DatasetOverview> out = new ArrayList<>();
    for (Dataset d : datasets.findAll()) {
      out.add(overview(d));
    }
    return out;
  }

  public DatasetOverview overview(long datasetId) {
    return overview(get(datasetId));
  }

  private DatasetOverview overview(Dataset d) {
    Map<SampleStatus, Long> counts = new EnumMap<>(SampleStatus.class);
    for (SampleStatus s : SampleStatus.values()) {
      counts.put(s, 0L);
    }
    for (Object[] row : samples.countByStatus(d.getId())) {
      counts.put((SampleStatus) row[0], (Long) row[1]);
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return new DatasetOverview(
        d.getId(),
        d.getName(),
        d.getKind(),
        d.getNumClasses(),
        total,
        counts.get(SampleStatus.OPEN),
        counts.get(SampleStatus.CONFIRMED),
        counts.get(SampleStatus.CORRECTED),
        counts.get(SampleStatus.EXCLUDED),
        d.getActiveRunId(),
        d.getEmbeddingDimension(),
        d.trainsOnEmbeddings());
  }

  /** Display names of the classes, indexed by class. */
  public List<String> classNames(long datasetId) {
    return jdbc.queryForList(
        "select name from class_label where dataset_id = ? order by class_index",
        String.class,
        datasetId);
  }

  /** The current labels, excluded samples left out, in sample order (no contents read). */
  public CurrentLabels currentLabels(long datasetId) {
    Dataset d = get(datasetId);
    int size =
        jdbc.queryForObject(
            "select count(*) from sample where dataset_id = ?", Integer.class, datasetId);
    long[][] ids = {new long[size]};
    int[][] indexes = {new int[size]};
    int[][] labels = {new int[size]};
    int[] at = {0};
    jdbc.query(
        "select id, sample_index, current_label from sample where dataset_id = ?"
            + " and status <> 'EXCLUDED' order by sample_index",
        rs -> {
          int i = at[0]++;
          if (i == ids[0].length) { // samples added since the count
            ids[0] = Arrays.copyOf(ids[0], 2 * i + 1);
            indexes[0] = Arrays.copyOf(indexes[0], 2 * i + 1);
            labels[0] = Arrays.copyOf(labels[0], 2 * i + 1);
          }
          ids[0][i] = rs.getLong(1);
          indexes[0][i] = rs.getInt(2);
          labels[0][i] = rs.getInt(3);
        },
        datasetId);
    int n = at[0];
    return new CurrentLabels(
        datasetId,
        Arrays.copyOf(ids[0], n),
        Arrays.copyOf(indexes[0], n),
        Arrays.copyOf(labels[0], n),
        d.getNumClasses(),
        Math.max(size, n));
  }

  /**
   * What a run learns from: the dataset's samples with their current labels, excluded samples left
   * out, in sample order, as its format reads them ({@link DatasetFormats}).
   */
  public TrainingSet trainingSet(long datasetId) {
    return formats.trainingSet(get(datasetId));
  }

  /**
   * Labels known to be true for the given samples (from noise injection or a benchmark), or empty
   * when the dataset has none. Used to evaluate detection, never shown to reviewers.
   */
  public Optional<int[]> trueLabels(long datasetId, long[] sampleIds) {
    Map<Long, Integer> truth = new java.util.HashMap<>();
    jdbc.query(
        "select t.sample_id, t.true_label from sample_truth t join sample s on s.id = t.sample_id"
            + " where s.dataset_id = ?",
        rs -> {
          truth.put(rs.getLong(1), rs.getInt(2));
        },
        datasetId);
    if (truth.isEmpty()) {
      return Optional.empty();
    }
    int[] out = new int[sampleIds.length];
    for (int i = 0; i < sampleIds.length; i++) {
      Integer t = truth.get(sampleIds[i]);
      if (t == null) {
        return Optional.empty();
      }
      out[i] = t;
    }
    return Optional.of(out);
  }

  /** The pixels of one image sample with its shape, or empty if it has none. */
  public Optional<SampleImage> image(long sampleId) {
    return jdbc
        .query(
            "select d.image_height, d.image_width, d.image_channels, c.pixels from sample s"
                + " join dataset d on d.id = s.dataset_id join sample_content c on c.sample_id ="
                + " s.id where s.id = ? and c.pixels is not null",
            (rs, i) -> new SampleImage(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBytes(4)),
            sampleId)
        .stream()
        .findFirst();
  }
}
