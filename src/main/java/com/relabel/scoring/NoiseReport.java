package com.relabel.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the scoring library says about one training run: every method's scores, the ensemble
 * that ranks the queue, which methods flag each sample, the cartography, and an estimate of how
 * many labels are wrong, in all and at the top of the queue.
 */
public record NoiseReport(
    ScoreTable table,
    MethodAgreement agreement,
    Cartography cartography,
    int estimatedErrors,
    ExpectedYield expectedYield) {

  /**
   * Scores {@code dynamics} with every scorer of {@code registry} and combines them. The number of
   * label errors is estimated by confident learning when out-of-sample probabilities are present,
   * and otherwise as the number of samples whose final prediction disagrees with their label.
   */
  public static NoiseReport compute(TrainingDynamics dynamics, ScorerRegistry registry) {
    ScoreTable table = registry.scoreAll(dynamics);
    int estimatedErrors =
        dynamics.heldOutProbabilities() != null
            ? ConfidentLearning.of(dynamics).estimatedErrorCount()
            : MethodAgreement.estimatedErrorCount(dynamics);
    return new NoiseReport(
        table,
        MethodAgreement.of(table.methods(), estimatedErrors),
        Cartography.of(dynamics),
        estimatedErrors,
        ExpectedYield.of(dynamics, table.ensemble().scores()));
  }

  public List<MethodScores> methods() {
    return table.methods();
  }

  public MethodScores ensemble() {
    return table.ensemble();
  }

  public List<String> flaggedBy(int sample) {
    return agreement.flaggedBy(sample);
  }

  /**
   * Detection quality against labels known to be true: per method and for the ensemble, with k =
   * the number of truly wrong labels.
   */
  public Quality evaluate(int[] givenLabels, int[] trueLabels) {
    boolean[] wrong = new boolean[trueLabels.length];
    int errors = 0;
    for (int i = 0; i < wrong.length; i++) {
      wrong[i] = givenLabels[i] != trueLabels[i];
      errors += wrong[i] ? 1 : 0;
    }
    Map<String, EvaluationReport> reports = new LinkedHashMap<>();
    if (errors == 0 || errors == wrong.length) {
      return new Quality(errors, reports, Double.NaN, new int[0][]);
    }
    reports.put(ensemble().method(), EvaluationReport.of(ensemble().scores(), wrong));
    for (MethodScores m : methods()) {
      reports.put(m.method(), EvaluationReport.of(m.scores(), wrong));
    }
    double suggestionAccuracy =
        Evaluation.suggestionAccuracy(ensemble().suggestedLabels(), trueLabels, wrong);
    return new Quality(errors, reports, suggestionAccuracy, topOfQueue(wrong, errors));
  }

  /** For k = 100, 1000 and the number of errors: how many of the ensemble's top k are errors. */
  private int[][] topOfQueue(boolean[] wrong, int errors) {
    int[] order = Ranking.mostSuspiciousFirst(ensemble().scores());
    int[] cutoffs =
        java.util.stream.IntStream.of(100, 1000, errors)
            .filter(k -> k <= order.length)
            .distinct()
            .sorted()
            .toArray();
    int[][] found = new int[cutoffs.length][];
    int hits = 0;
    int next = 0;
    for (int rank = 0; rank < order.length && next < cutoffs.length; rank++) {
      hits += wrong[order[rank]] ? 1 : 0;
      if (rank + 1 == cutoffs[next]) {
        found[next] = new int[] {cutoffs[next], hits};
        next++;
      }
    }
    return found;
  }

  /** Detection quality per method (ensemble first) and the suggestions' accuracy on errors. */
  public record Quality(
      int trueErrors,
      Map<String, EvaluationReport> byMethod,
      double suggestionAccuracy,
      int[][] topOfQueue) {

    /** One line per method, e.g. {@code ensemble: AUROC 0.9990 AP 0.99 P@6000 0.98 ...}. */
    public String summary() {
      List<String> lines = new ArrayList<>();
      lines.add(
          String.format(
              Locale.ROOT,
              "%d true errors; suggestion accuracy on them %.4f",
              trueErrors,
              suggestionAccuracy));
      for (int[] cut : topOfQueue) {
        lines.add(
            String.format(
                Locale.ROOT,
                "top %,d of the queue: %,d known errors (%.1f%%)",
                cut[0],
                cut[1],
                100.0 * cut[1] / cut[0]));
      }
      byMethod.forEach((method, report) -> lines.add(method + ": " + report));
      return String.join("\n", lines);
    }
  }
}
