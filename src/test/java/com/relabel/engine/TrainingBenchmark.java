package com.relabel.engine;

import com.relabel.dataset.LabeledImages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times training and inference on the demo MNIST training set; run by hand, not by the build.
 *
 * <p>Arguments: {@code [epochs=2] [samples=60000] [batch=128] [model=cnn] [images.idx labels.idx]}:
 * with the two IDX files, their images instead of MNIST (the colour benchmark of
 * docs/benchmarks.md, made by tools/bench-data/rgb_shapes.py). Prints every epoch's training and
 * inference seconds, throughput, the process's CPU seconds (which other load on the machine
 * disturbs less than wall time), loss and resident memory (to spot native leaks).
 */
public final class TrainingBenchmark {

  private TrainingBenchmark() {}

  public static void main(String[] args) throws IOException {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 128;
    long start = System.nanoTime();
    ModelKind model = ModelKind.parse(args.length > 3 ? args[3] : null);
    LabeledImages data =
        (args.length > 5
                ? com.relabel.dataset.IdxReader.read(Path.of(args[4]), Path.of(args[5]), null)
                : MnistFixture.train())
            .head(samples);
    System.out.printf(
        Locale.ROOT, "read %d images (gzip) in %.2f s%n", data.count(), seconds(start));
    System.out.printf(
        Locale.ROOT,
        "threads: num_threads=%s num_interop_threads=%s%n",
        System.getProperty("ai.djl.pytorch.num_threads", "default"),
        System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
    TrainingOptions options =
        TrainingOptions.builder()
            .epochs(epochs)
            .batchSize(batch)
            .seed(42)
            .device(DeviceChoice.AUTO)
            .model(model)
            .build();
    start = System.nanoTime();
    double[] cpuAtLastEpoch = {cpuSeconds()};
    TrainingResult result =
        new ImageClassifierTrainer()
            .train(
                data,
                options,
                stats -> {
                  double cpu = cpuSeconds();
                  System.out.printf(
                      Locale.ROOT,
                      "epoch %d/%d: train %.2f s (%.0f samples/s), inference %.2f s,"
                          + " process cpu %.2f s, loss %.4f, rss %s%n",
                      stats.epoch(),
                      stats.epochs(),
                      stats.trainSeconds(),
                      stats.samplesPerSecond(),
                      stats.inferenceSeconds(),
                      cpu - cpuAtLastEpoch[0],
                      stats.trainLoss(),
                      memory("VmRSS"));
                  cpuAtLastEpoch[0] = cpu;
                });
    System.out.printf(
        Locale.ROOT,
        "device %s, total %.2f s, peak rss %s%n",
        result.device(),
        seconds(start),
        memory("VmHWM"));
  }

  /** CPU time of the whole process, all threads, native ones included. */
  private static double cpuSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9
        : Double.NaN;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** A line of /proc/self/status, e.g. VmRSS, or "?" where there is none. */
  private static String memory(String key) {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith(key + ":"))
          .map(line -> line.substring(key.length() + 1).trim())
          .findFirst()
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }
}
