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

  DatasetService(DatasetRepository datasets, SampleRepository samples, JdbcTemplate jdbc) {
    this.datasets = datasets;
    this.samples = samples;
    this.jdbc = jdbc;
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

  /** The images with their current labels, excluded samples left out, in sample order. */
  public TrainingSet trainingSet(long datasetId) {
    Dataset d = get(datasetId);
    if (d.trainsOnEmbeddings()) {
      return OwnEmbeddings.trainingSet(jdbc, d);
    }
    if (d.getKind() == DatasetKind.TEXT) {
      return textTrainingSet(d, d.getTextFeatures());
    }
    if (d.getKind() == DatasetKind.FEATURES) {
      return OwnEmbeddings.trainingSet(
          jdbc, d, TableSamples.MODEL, "has no encoded row; import the table again");
    }
    int size = d.getImageHeight() * d.getImageWidth() * d.getImageChannels();
    int n = IncludedSamples.count(jdbc, datasetId);
    requireOneArray(n, size, "images", "bytes");
    byte[] pixels = new byte[n * size];
    var rows =
        IncludedSamples.read(
            jdbc,
            n,
            "select s.id, s.current_label, c.pixels from sample s join sample_content c"
                + " on c.sample_id = s.id where s.dataset_id = ? and s.status <> 'EXCLUDED'"
                + " order by s.sample_index",
            (rs, i) -> System.arraycopy(rs.getBytes(3), 0, pixels, i * size, size),
            datasetId);
    var images =
        new LabeledImages(
            n,
            d.getImageHeight(),
            d.getImageWidth(),
            d.getImageChannels(),
            pixels,
            rows.labels(),
            d.getNumClasses());
    return new TrainingSet(datasetId, rows.ids(), images);
  }

  /**
   * The texts with their current labels as features (1 x D x 1 "images", {@link TextFeatures}):
   * hashed word counts computed as the texts are read, and/or the sentence vectors stored at
   * import, which then also become the neighbour space; excluded samples left out, in sample order.
   * Only the features (and vectors) are held, never the texts.
   *
   * @throws IllegalStateException when a sample of an encoded dataset has no vector
   */
  private TrainingSet textTrainingSet(Dataset d, TextFeatures kind) {
    int size = kind.width();
    int n = IncludedSamples.count(jdbc, d.getId());
    requireOneArray(n, size, "texts", "features");
    byte[] features = new byte[n * size];
    float[][] vectors = kind.usesEncoder() ? new float[n][] : null;
    var rows =
        IncludedSamples.read(
            jdbc,
            n,
            "select s.id, s.current_label, c.text_body, e.vector, s.sample_index from sample s"
                + " join sample_content c on c.sample_id = s.id"
                + " left join sample_embedding e on e.sample_id = s.id and e.model = ?"
                + " where s.dataset_id = ? and s.status <> 'EXCLUDED' order by s.sample_index",
            (rs, i) -> {
              float[] vector = null;
              if (vectors != null) {
                byte[] stored = rs.getBytes(4);
                if (stored == null) {
                  throw new IllegalStateException(
                      "sample #"
                          + rs.getInt(5)
                          + " of dataset '"
                          + d.getName()
                          + "' has no "
                          + TextEncoder.MODEL
                          + " vector; import it again to train on the encoder");
                }
                vector = TextVectors.fromBytes(stored);
                vectors[i] = vector;
              }
              kind.write(rs.getString(3), vector, features, i * size);
            },
            TextEncoder.MODEL,
            d.getId());
    var vectorsAsImages =
        new LabeledImages(n, 1, size, 1, features, rows.labels(), d.getNumClasses());
    return new TrainingSet(d.getId(), rows.ids(), vectorsAsImages, vectors);
  }

  /** The most elements of one Java array. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * The one check that {@code n} samples of {@code size} elements each fit the one array a training
   * set holds them in (images and texts alike; {@code n * size} in int arithmetic would overflow
   * silently, e.g. at 175,000 RGB 64x64 images).
   *
   * @throws IllegalStateException naming the counts and the most samples that fit
   */
  static void requireOneArray(long n, int size, String samples, String elements) {
    if (n * size > MAX_ARRAY) {
      throw new IllegalStateException(
          String.format(
              "%,d %s x %,d %s do not fit one training set (at most %,d %s)",
              n, samples, size, elements, MAX_ARRAY / size, samples));
    }
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
