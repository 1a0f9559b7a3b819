package com.relabel.scoring;

import java.util.Locale;

/**
 * One method's line in the benchmark table: the {@link Evaluation} metrics of its scores against
 * the injected noise.
 *
 * @param auroc {@link Evaluation#auroc}
 * @param averagePrecision {@link Evaluation#averagePrecision}
 * @param precisionAtK {@link Evaluation#precisionAtK} at {@code k}
 * @param recallAtK {@link Evaluation#recallAtK} at {@code k}
 * @param k the cut-off, by default the number of truly flipped samples
 */
public record EvaluationReport(
    double auroc, double averagePrecision, double precisionAtK, double recallAtK, int k) {

  /** The report at {@code k} = the number of positives, where precision equals recall. */
  public static EvaluationReport of(double[] scores, boolean[] positive) {
    int positives = 0;
    for (boolean isPositive : positive) {
      positives += isPositive ? 1 : 0;
    }
    return of(scores, positive, positives);
  }

  /** The report at the given cut-off {@code k}. */
  public static EvaluationReport of(double[] scores, boolean[] positive, int k) {
    return new EvaluationReport(
        Evaluation.auroc(scores, positive),
        Evaluation.averagePrecision(scores, positive),
        Evaluation.precisionAtK(scores, positive, k),
        Evaluation.recallAtK(scores, positive, k),
        k);
  }

  /** For example {@code AUROC 0.9812 AP 0.9120 P@200 0.9050 R@200 0.9050}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "AUROC %.4f  AP %.4f  P@%d %.4f  R@%d %.4f",
        auroc,
        averagePrecision,
        k,
        precisionAtK,
        k,
        recallAtK);
  }
}
