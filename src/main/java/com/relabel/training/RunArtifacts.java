package com.relabel.training;

import com.relabel.security.Roles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads one sample's row of a run's stored arrays: its final softmax probabilities and its nearest
 * neighbours in embedding space. A run's arrays never change once written, so the position of each
 * sample in the run (artifact {@code sample_ids}) is read once per run and cached for the last few
 * runs. An array of up to {@code relabel.review.cached-array-bytes} (default 8 MiB; 60,000 samples
 * x 10 classes is 2.4 MB) is cached whole with it and rows are copied out of memory; a larger one
 * is read a row at a time as a byte range, never whole, so memory stays flat for a million samples.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
public class RunArtifacts {

  /** The artifact of each sample's nearest neighbours: run rows, {@code int}, nearest first. */
  public static final String NEIGHBOURS = "neighbours";

  static final String SAMPLE_IDS = "sample_ids";
  static final String FINAL_PROBABILITIES = "final_probabilities";
  private static final int CACHED_RUNS = 4;

  private final JdbcTemplate jdbc;
  private final Map<Long, RunRows> cache =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RunRows> eldest) {
          return size() > CACHED_RUNS;
        }
      };

  private final long cachedArrayBytes;

  RunArtifacts(
      JdbcTemplate jdbc,
      @Value("${relabel.review.cached-array-bytes:8388608}") long cachedArrayBytes) {
    this.jdbc = jdbc;
    this.cachedArrayBytes = cachedArrayBytes;
  }

  /** The sample's final softmax probabilities by class, or empty if the run did not keep them. */
  public Optional<float[]> probabilities(long runId, long sampleId) {
    return row(runId, sampleId, FINAL_PROBABILITIES)
        .map(
            bytes -> {
              float[] out = new float[bytes.length / Float.BYTES];
              ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
              return out;
            });
  }

  /**
   * The ids of the sample's {@code k} nearest neighbours in the run's embedding space, nearest
   * first; empty if the run kept none (no embeddings) or did not train on the sample.
   */
  public List<Long> neighbours(long runId, long sampleId, int k) {
    Optional<RunRows> rows = rows(runId);
    if (rows.isEmpty()) {
      return List.of();
    }
    return row(runId, sampleId, NEIGHBOURS)
        .map(
            bytes -> {
              int[] positions = new int[bytes.length / Integer.BYTES];
              ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(positions);
              return Arrays.stream(positions)
                  .limit(k)
                  .mapToObj(p -> rows.get().idsByRow()[p])
                  .toList();
            })
        .orElse(List.of());
  }

  private Optional<byte[]> row(long runId, long sampleId, String artifact) {
    Optional<RunRows> rows = rows(runId);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    int row = rows.get().rowOf(sampleId);
    Integer cols = rows.get().columns(artifact, this::columns);
    if (row < 0 || cols == null || cols == 0) {
      return Optional.empty();
    }
    int width = cols * 4;
    byte[] whole = rows.get().wholeArray(artifact, width, cachedArrayBytes, this::wholeArray);
    if (whole != null) {
      return Optional.of(Arrays.copyOfRange(whole, row * width, (row + 1) * width));
    }
    // SQL byte positions count from 1; every stored element is 4 bytes (float or int)
    return jdbc
        .query(
            "select substring(data from ? for ?) from run_artifact where run_id = ? and name = ?",
            (rs, i) -> rs.getBytes(1),
            Math.toIntExact((long) row * width + 1),
            width,
            runId,
            artifact)
        .stream()
        .findFirst();
  }

  private Integer columns(long runId, String artifact) {
    return jdbc
        .queryForList(
            "select cols_count from run_artifact where run_id = ? and name = ?",
            Integer.class,
            runId,
            artifact)
        .stream()
        .findFirst()
        .orElse(0);
  }

  private byte[] wholeArray(long runId, String artifact) {
    return jdbc
        .query(
            "select data from run_artifact where run_id = ? and name = ?",
            (rs, i) -> rs.getBytes(1),
            runId,
            artifact)
        .stream()
        .findFirst()
        .orElse(null);
  }

  private Optional<RunRows> rows(long runId) {
    synchronized (cache) {
      RunRows cached = cache.get(runId);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    List<byte[]> found =
        jdbc.query(
            "select data from run_artifact where run_id = ? and name = ?",
            (rs, i) -> rs.getBytes(1),
            runId,
            SAMPLE_IDS);
    if (found.isEmpty()) {
      return Optional.empty(); // not written yet: ask again later
    }
    RunRows rows = RunRows.of(runId, found.getFirst());
    synchronized (cache) {
      cache.put(runId, rows);
    }
    return Optional.of(rows);
  }

  /** A run's sample ids by row, and the rows by sample id (sorted ids, binary search). */
  private record RunRows(
      long runId,
      long[] idsByRow,
      long[] sortedIds,
      int[] rowsOfSorted,
      Map<String, Integer> cols,
      Map<String, byte[]> arrays) {

    static RunRows of(long runId, byte[] packed) {
      long[] ids = new long[packed.length / Long.BYTES];
      ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(ids);
      int[] order =
          IntStream.range(0, ids.length)
              .boxed()
              .sorted((a, b) -> Long.compare(ids[a], ids[b]))
              .mapToInt(Integer::intValue)
              .toArray();
      long[] sorted = new long[ids.length];
      for (int i = 0; i < order.length; i++) {
        sorted[i] = ids[order[i]];
      }
      return new RunRows(
          runId,
          ids,
          sorted,
          order,
          new java.util.concurrent.ConcurrentHashMap<>(),
          new java.util.concurrent.ConcurrentHashMap<>());
    }

    int rowOf(long sampleId) {
      int at = Arrays.binarySearch(sortedIds, sampleId);
      return at < 0 ? -1 : rowsOfSorted[at];
    }

    Integer columns(String artifact, ColumnReader reader) {
      return cols.computeIfAbsent(artifact, name -> reader.read(runId, name));
    }

    /** The whole array when it is small enough to keep, else {@code null}. */
    byte[] wholeArray(String artifact, int rowWidth, long limit, ArrayReader reader) {
      if ((long) rowWidth * idsByRow.length > limit) {
        return null;
      }
      return arrays.computeIfAbsent(artifact, name -> reader.read(runId, name));
    }
  }

  @FunctionalInterface
  private interface ArrayReader {
    byte[] read(long runId, String artifact);
  }

  @FunctionalInterface
  private interface ColumnReader {
    Integer read(long runId, String artifact);
  }
}
