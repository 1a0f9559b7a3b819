package com.relabel.bench;

import java.util.Arrays;

/** Recorded durations of one operation, with nearest-rank percentiles in milliseconds. */
public final class Latencies {

  private final String operation;
  private long[] nanos = new long[256];
  private int count;

  public Latencies(String operation) {
    this.operation = operation;
  }

  /** Runs {@code call} and records how long it took. */
  public <T> T time(java.util.function.Supplier<T> call) {
    long start = System.nanoTime();
    T result = call.get();
    record(System.nanoTime() - start);
    return result;
  }

  public void record(long durationNanos) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = durationNanos;
  }

  /** The summary so far; all zeros when nothing was recorded. */
  public Summary summary() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    double mean = count == 0 ? 0 : Arrays.stream(sorted).average().orElse(0) / 1e6;
    return new Summary(
        operation,
        count,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        count == 0 ? 0 : sorted[count - 1] / 1e6,
        mean);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  /** One operation's latencies, in milliseconds. */
  public record Summary(
      String operation, int count, double p50, double p95, double p99, double max, double mean) {}
}
