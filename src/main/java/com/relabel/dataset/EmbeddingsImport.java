package com.relabel.dataset;

import com.relabel.security.Roles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attaches a team's own vectors to every sample of an existing dataset, image or text (decision
 * 0044): the file ({@link EmbeddingsFile}) is streamed once inside one transaction, its rows
 * checked and written {@value #BATCH} at a time to {@code sample_embedding} as {@link
 * OwnEmbeddings#MODEL}, replacing vectors attached before. The first problem rolls everything back,
 * so a dataset has all the new vectors or keeps what it had.
 */
@Service
public class EmbeddingsImport {

  private static final int BATCH = 1000;

  private final JdbcTemplate jdbc;

  EmbeddingsImport(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What was attached: one vector of {@code dimension} numbers for each of {@code samples}. */
  public record Attached(long datasetId, int samples, int dimension, boolean trainsOnThem) {}

  /**
   * @param fileName the name the person knows the file by, used in every error
   * @param trainOnThem whether the dataset's runs learn from these vectors from now on
   * @throws EmbeddingsFormatException naming the file, line or row and field of the first problem
   * @throws NoSuchElementException for an unknown dataset
   */
  @Transactional(rollbackFor = Exception.class)
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Attached importFile(long datasetId, Path file, String fileName, boolean trainOnThem)
      throws IOException {
    lock(datasetId);
    long[] idOfIndex = sampleIds(datasetId);
    jdbc.update(
        "delete from sample_embedding where model = ? and sample_id in"
            + " (select id from sample where dataset_id = ?)",
        OwnEmbeddings.MODEL,
        datasetId);
    List<Object[]> batch = new ArrayList<>(BATCH);
    int dimension =
        EmbeddingsFile.read(
            file,
            fileName,
            idOfIndex.length,
            (index, vector) -> {
              batch.add(
                  new Object[] {
                    idOfIndex[index], OwnEmbeddings.MODEL, TextVectors.toBytes(vector)
                  });
              if (batch.size() == BATCH) {
                insert(batch);
              }
            });
    insert(batch);
    jdbc.update(
        "update dataset set embedding_dimension = ?, trains_on_embeddings = ?,"
            + " version = version + 1 where id = ?",
        dimension,
        trainOnThem,
        datasetId);
    return new Attached(datasetId, idOfIndex.length, dimension, trainOnThem);
  }

  /**
   * Whether the dataset's runs learn from its own vectors from now on (a run already queued reads
   * the choice when it starts).
   *
   * @throws IllegalStateException when the dataset has no vectors attached
   */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public void trainOnThem(long datasetId, boolean train) {
    Integer dimension = lock(datasetId);
    if (train && dimension == null) {
      throw new IllegalStateException("dataset " + datasetId + " has no embeddings attached");
    }
    jdbc.update(
        "update dataset set trains_on_embeddings = ?, version = version + 1 where id = ?",
        train,
        datasetId);
  }

  /** Takes the dataset's row lock; returns the dimension of its vectors, or null. */
  private Integer lock(long datasetId) {
    List<Integer> dimension =
        jdbc.query(
            "select embedding_dimension from dataset where id = ? for update",
            (rs, i) -> (Integer) rs.getObject(1, Integer.class),
            datasetId);
    if (dimension.isEmpty()) {
      throw new NoSuchElementException("no dataset " + datasetId);
    }
    return dimension.getFirst();
  }

  /** The id of each sample by its index (0 to n - 1, excluded samples too). */
  private long[] sampleIds(long datasetId) {
    int n =
        jdbc.queryForObject(
            "select count(*) from sample where dataset_id = ?", Integer.class, datasetId);
    long[] ids = new long[n];
    jdbc.query(
        "select sample_index, id from sample where dataset_id = ?",
        rs -> {
          int index = rs.getInt(1);
          if (index < 0 || index >= n) {
            throw new IllegalStateException(
                "dataset " + datasetId + " numbers its samples beyond 0 to " + (n - 1));
          }
          ids[index] = rs.getLong(2);
        },
        datasetId);
    return ids;
  }

  private void insert(List<Object[]> batch) {
    if (!batch.isEmpty()) {
      jdbc.batchUpdate(
          "insert into sample_embedding (sample_id, model, vector) values (?, ?, ?)", batch);
      batch.clear();
    }
  }
}
