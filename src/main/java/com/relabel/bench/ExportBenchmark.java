package com.relabel.bench;

import com.relabel.export.LabelExport;
import com.relabel.export.ScoreExport;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Throughput of the streamed exports through the real services (as the REST API and the download
 * link call them), each written to a writer that counts and discards: rows and bytes per second,
 * and the peak Java heap while it ran ({@link PeakHeap}, an upper bound). The caller must be logged
 * in as an admin on the calling thread.
 */
public final class ExportBenchmark {

  /** One export's figures. */
  public record Result(String name, long rows, long bytes, double seconds, long peakHeapBytes) {}

  private ExportBenchmark() {}

  /** Times each export once: labels as CSV and JSONL, the run's scores, one method's scores. */
  public static List<Result> run(
      LabelExport labels,
      ScoreExport scores,
      long datasetId,
      long runId,
      String method,
      Consumer<String> log) {
    List<Result> results = new ArrayList<>();
    results.add(time("labels, CSV", out -> labels.writeCsv(datasetId, out), log));
    results.add(time("labels, JSONL", out -> labels.writeJsonl(datasetId, out), log));
    results.add(time("scores, JSONL", out -> scores.writeEnsemble(runId, out), log));
    if (method != null) {
      results.add(
          time(
              "scores of " + method + ", JSONL",
              out -> scores.writeMethod(runId, method, out),
              log));
    }
    return results;
  }

  private static Result time(String name, Consumer<Writer> export, Consumer<String> log) {
    var heap = new PeakHeap();
    heap.start();
    var out = new CountingWriter();
    long start = System.nanoTime();
    export.accept(out);
    double seconds = (System.nanoTime() - start) / 1e9;
    var result = new Result(name, out.lines, out.chars, seconds, heap.peak());
    log.accept(
        String.format(
            Locale.ROOT, "%s: %,d rows in %.1f s", name, result.rows(), result.seconds()));
    return result;
  }

  /** The results as a Markdown table. */
  public static String markdown(List<Result> results) {
    StringBuilder out =
        new StringBuilder(
            "| export | rows | MB | seconds | rows/s | MB/s | peak heap (MB) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
    for (Result r : results) {
      double mb = r.bytes() / 1e6;
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.1f | %.2f | %,.0f | %.1f | %d |%n",
              r.name(),
              r.rows(),
              mb,
              r.seconds(),
              r.rows() / r.seconds(),
              mb / r.seconds(),
              r.peakHeapBytes() >> 20));
    }
    return out.toString();
  }

  /** Counts characters (ASCII here, so bytes) and lines; keeps nothing. */
  private static final class CountingWriter extends Writer {
    long chars;
    long lines;

    @Override
    public void write(char[] buffer, int offset, int length) {
      chars += length;
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
