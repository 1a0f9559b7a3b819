package com.relabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The sentence encoder's throughput and memory over a real text file, encoded as an import does it
 * ({@link TextDatasetWriter}: 1,000 texts at a time). Not part of the suite: run with {@code
 * -Dtest=TextEncoderTiming -Dtext.file=target/bench-data/spam-assassin.csv} (from
 * tools/bench-data/spam-assassin.sh) and optionally {@code -Dtext.limit=N}; prints, after every
 * 1,000 texts, the texts per wall and per CPU second and the process's resident memory now and at
 * its peak (docs/benchmarks.md, "The sentence encoder's throughput").
 */
class TextEncoderTiming {

  private static final int CHUNK = 1000;

  @Test
  void encodesAFileAThousandTextsAtATime() throws IOException {
    Path file = Path.of(System.getProperty("text.file", "target/bench-data/spam-assassin.csv"));
    int limit = Integer.getInteger("text.limit", Integer.MAX_VALUE);
    assertThat(file).as("run tools/bench-data/spam-assassin.sh first").exists();
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (TextEncoder encoder = TextEncoder.load()) {
      encodeFile(encoder, file, limit, os);
    }
  }

  private void encodeFile(TextEncoder encoder, Path file, int limit, OperatingSystemMXBean os)
      throws IOException {
    encoder.encode(List.of("warm up: the model is loaded once per process"));
    System.out.printf(Locale.ROOT, "model loaded: %s%n", memory());
    List<String> chunk = new ArrayList<>(CHUNK);
    int[] done = {0};
    long wall = System.nanoTime();
    long cpu = os.getProcessCpuTime();
    TextFileReader.read(
        file,
        record -> {
          if (done[0] + chunk.size() < limit) {
            chunk.add(record.text());
          }
          if (chunk.size() == CHUNK) {
            done[0] += encoder.encode(chunk).length;
            chunk.clear();
            report(done[0], wall, cpu, os);
          }
        });
    if (!chunk.isEmpty()) {
      done[0] += encoder.encode(chunk).length;
      report(done[0], wall, cpu, os);
    }
    assertThat(done[0]).isPositive();
  }

  private static void report(int done, long wall, long cpu, OperatingSystemMXBean os) {
    double seconds = (System.nanoTime() - wall) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%,d texts: %.1f s wall (%.1f texts/s), %.1f CPU-s (%.1f texts per CPU-s), %s, load %.1f%n",
        done,
        seconds,
        done / seconds,
        cpuSeconds,
        done / cpuSeconds,
        memory(),
        os.getSystemLoadAverage());
  }

  /** Resident memory now and at its peak, and the Java heap in use, from the kernel's figures. */
  private static String memory() {
    try {
      String rss = "?";
      String peak = "?";
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = line.substring(6).strip();
        } else if (line.startsWith("VmHWM:")) {
          peak = line.substring(6).strip();
        }
      }
      Runtime r = Runtime.getRuntime();
      return "RSS %s (peak %s), heap used %d MB"
          .formatted(rss, peak, (r.totalMemory() - r.freeMemory()) >> 20);
    } catch (IOException e) {
      return "no /proc/self/status";
    }
  }
}
