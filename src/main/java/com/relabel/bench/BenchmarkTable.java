package com.relabel.bench;

import com.relabel.bench.NoiseBenchmark.Result;
import com.relabel.engine.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link Result} as Markdown (for people and docs) or as long-format CSV. */
public final class BenchmarkTable {

  private static final double MIB = 1024.0 * 1024.0;

  private BenchmarkTable() {}

  /** The result as Markdown: settings, one row per method, end to end, review yield. */
  public static String markdown(Result r) {
    StringBuilder out = new StringBuilder();
    TrainingOptions o = r.training();
    out.append(
        String.format(
            Locale.ROOT,
            "%s, %,d training samples, %d classes; noise %s: %,d flipped (k = %,d)%n",
            r.dataset(),
            r.samples(),
            r.numClasses(),
            r.noise(),
            r.flipped(),
            r.k()));
    out.append(
        String.format(
            Locale.ROOT,
            "Training: %d epochs%s, batch %d, seed %d, %.1f s; cross-validation: %s; total %.1f s%n%n",
            o.epochs(),
            (o.robust() ? " (robust mode after " + o.robustWarmUpEpochs() + " warm-up)" : "")
                + (o.cleaningRounds() > 0
                    ? ", then " + o.cleaningRounds() + " cleaning round(s) without the suspects"
                    : ""),
            o.batchSize(),
            o.seed(),
            r.trainSeconds(),
            o.folds() == 0
                ? "none"
                : String.format(
                    Locale.ROOT,
                    "%d folds x %d epochs, %.1f s",
                    o.folds(),
                    o.foldEpochs(),
                    r.crossValidationSeconds()),
            r.totalSeconds()));
    out.append(
        "| method | AUROC | AP | P@100 | P@500 | P@1000 | P@k | R@k | suggestion acc. | scoring ms"
            + " | peak heap MiB |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (MethodRow m : r.methods()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %.0f |%n",
              m.method(),
              f4(m.auroc()),
              f4(m.averagePrecision()),
              f4(m.precisionAt100()),
              f4(m.precisionAt500()),
              f4(m.precisionAt1000()),
              f4(m.precisionAtK()),
              f4(m.recallAtK()),
              f4(m.suggestionAccuracy()),
              m.scoringMillis(),
              m.peakHeapBytes() / MIB));
    }
    if (r.aumThreshold() != null) {
      out.append(aumThreshold(r.aumThreshold(), r.flipped()));
    }
    var e = r.endToEnd();
    if (Double.isNaN(e.noisy()) && Double.isNaN(e.clean())) {
      out.append("\nEnd to end: not run (no test set, or --eval-epochs 0).\n");
    } else {
      out.append(
          String.format(
              Locale.ROOT,
              "%nEnd to end (test accuracy, %d epochs per model):%n%n",
              e.evalEpochs()));
      out.append("| labels trained on | test accuracy |\n|---|---:|\n");
      out.append("| noisy | " + f4(e.noisy()) + " |\n");
      out.append("| noisy, ensemble's top k removed | " + f4(e.topKRemoved()) + " |\n");
      out.append("| noisy, top k replaced by suggestions | " + f4(e.topKReplaced()) + " |\n");
      out.append("| clean (upper bound) | " + f4(e.clean()) + " |\n");
    }
    out.append(
        "\nSimulated annotator (answers the true label) down the ensemble's queue:\n\n"
            + "| reviews | errors found | per 100 reviews |\n|---:|---:|---:|\n");
    for (ReviewYield y : r.reviews()) {
      out.append(
          String.format(
              Locale.ROOT, "| %,d | %,d | %.1f |%n", y.reviews(), y.errorsFound(), y.per100()));
    }
    return out.toString();
  }

  /** The result as long-format CSV: {@code section,name,metric,value}, one measurement a row. */
  public static String csv(Result r) {
    List<String> lines = new ArrayList<>();
    lines.add("section,name,metric,value");
    lines.add(line("run", "dataset", "samples", r.samples()));
    lines.add(line("run", "noise", "flipped", r.flipped()));
    lines.add(line("run", "training", "seconds", r.trainSeconds()));
    lines.add(line("run", "cross_validation", "seconds", r.crossValidationSeconds()));
    lines.add(line("run", "total", "seconds", r.totalSeconds()));
    for (MethodRow m : r.methods()) {
      lines.add(line("method", m.method(), "auroc", m.auroc()));
      lines.add(line("method", m.method(), "average_precision", m.averagePrecision()));
      lines.add(line("method", m.method(), "precision_at_k", m.precisionAtK()));
      lines.add(line("method", m.method(), "recall_at_k", m.recallAtK()));
      lines.add(line("method", m.method(), "precision_at_100", m.precisionAt100()));
      lines.add(line("method", m.method(), "precision_at_500", m.precisionAt500()));
      lines.add(line("method", m.method(), "precision_at_1000", m.precisionAt1000()));
      lines.add(line("method", m.method(), "suggestion_accuracy", m.suggestionAccuracy()));
      lines.add(line("method", m.method(), "scoring_ms", m.scoringMillis()));
      lines.add(line("method", m.method(), "peak_heap_bytes", m.peakHeapBytes()));
    }
    AumThresholdRow a = r.aumThreshold();
    if (a != null) {
      lines.add(line("aum_threshold", "pass", "cutoff", a.cutoff()));
      lines.add(line("aum_threshold", "pass", "threshold_samples", a.thresholdSamples()));
      lines.add(line("aum_threshold", "pass", "seconds", a.seconds()));
      lines.add(line("aum_threshold", "main_run_judged", "flagged", a.flagged()));
      lines.add(line("aum_threshold", "main_run_judged", "precision", a.precision()));
      lines.add(line("aum_threshold", "main_run_judged", "recall", a.recall()));
      lines.add(line("aum_threshold", "unflagged", "flagged", a.flaggedWithoutThreshold()));
      lines.add(line("aum_threshold", "unflagged", "precision", a.precisionWithoutThreshold()));
      lines.add(line("aum_threshold", "unflagged", "recall", a.recallWithoutThreshold()));
    }
    var e = r.endToEnd();
    lines.add(line("end_to_end", "noisy", "test_accuracy", e.noisy()));
    lines.add(line("end_to_end", "top_k_removed", "test_accuracy", e.topKRemoved()));
    lines.add(line("end_to_end", "top_k_replaced", "test_accuracy", e.topKReplaced()));
    lines.add(line("end_to_end", "clean", "test_accuracy", e.clean()));
    for (ReviewYield y : r.reviews()) {
      lines.add(line("reviews", Integer.toString(y.reviews()), "errors_found", y.errorsFound()));
      lines.add(line("reviews", Integer.toString(y.reviews()), "errors_per_100", y.per100()));
    }
    return String.join("\n", lines) + "\n";
  }

  private static String aumThreshold(AumThresholdRow a, int k) {
    return String.format(
            Locale.ROOT,
            "%nAUM with threshold samples (99th percentile, %,d threshold samples, %.1f s): cut-off"
                + " %.4f, k = %,d%n%n",
            a.thresholdSamples(),
            a.seconds(),
            a.cutoff(),
            k)
        + "| threshold samples | flagged | precision | recall |\n|---|---:|---:|---:|\n"
        + String.format(
            Locale.ROOT,
            "| judged by the main run's AUM | %,d | %s | %s |%n",
            a.flagged(),
            f4(a.precision()),
            f4(a.recall()))
        + String.format(
            Locale.ROOT,
            "| left unflagged | %,d | %s | %s |%n",
            a.flaggedWithoutThreshold(),
            f4(a.precisionWithoutThreshold()),
            f4(a.recallWithoutThreshold()));
  }

  private static String line(String section, String name, String metric, double value) {
    String text =
        Double.isNaN(value)
            ? ""
            : value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.6f", value);
    return section + "," + name + "," + metric + "," + text;
  }

  private static String f4(double value) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.4f", value);
  }
}
