package com.relabel.bench;

import com.relabel.scoring.Evaluation;
import com.relabel.scoring.MethodScores;
import com.relabel.scoring.NoiseScorer;
import com.relabel.scoring.RankAverageEnsemble;
import com.relabel.scoring.ScorerRegistry;
import com.relabel.scoring.Suggestions;
import com.relabel.scoring.TrainingDynamics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well one ranking finds the flipped labels (docs/methods.md, "Evaluation"): a method's row of
 * the benchmark table and a simulated annotator's yield down the queue.
 */
final class DetectionMeasures {

  private DetectionMeasures() {}

  /** Every method's scores, the ensemble's, and their rows, the ensemble's first. */
  record Measured(List<MethodScores> scored, MethodScores ensemble, List<MethodRow> rows) {}

  /**
   * Scores with every method whose inputs the dynamics hold, then the standard ensemble, timing
   * each and watching the heap while it runs.
   */
  static Measured scoreEveryMethod(
      TrainingDynamics dynamics, boolean[] wrong, int[] truth, int flipped) {
    List<MethodScores> scored = new ArrayList<>();
    List<MethodRow> rows = new ArrayList<>();
    PeakHeap heap = new PeakHeap();
    for (NoiseScorer scorer : ScorerRegistry.forDynamics(dynamics).scorers()) {
      heap.start();
      long m0 = System.nanoTime();
      MethodScores scores = scorer.score(dynamics);
      double millis = (System.nanoTime() - m0) / 1e6;
      long peak = heap.peak();
      scored.add(scores);
      rows.add(row(scores, wrong, truth, flipped, millis, peak));
    }
    heap.start();
    long e0 = System.nanoTime();
    MethodScores ensemble =
        RankAverageEnsemble.standard().combine(scored, Suggestions.ensemble(dynamics));
    double ensembleMillis = (System.nanoTime() - e0) / 1e6;
    rows.addFirst(row(ensemble, wrong, truth, flipped, ensembleMillis, heap.peak()));
    return new Measured(scored, ensemble, rows);
  }

  static MethodRow row(
      MethodScores scores,
      boolean[] wrong,
      int[] truth,
      int flipped,
      double millis,
      long peakHeap) {
    double[] s = scores.scores();
    boolean measurable = flipped > 0 && flipped < s.length;
    double suggestion =
        scores.suggestedLabels() == null || flipped == 0
            ? Double.NaN
            : Evaluation.suggestionAccuracy(scores.suggestedLabels(), truth, wrong);
    return new MethodRow(
        scores.method(),
        measurable ? Evaluation.auroc(s, wrong) : Double.NaN,
        measurable ? Evaluation.averagePrecision(s, wrong) : Double.NaN,
        measurable ? Evaluation.precisionAtK(s, wrong, flipped) : Double.NaN,
        measurable ? Evaluation.recallAtK(s, wrong, flipped) : Double.NaN,
        precisionAtDepth(s, wrong, 100),
        precisionAtDepth(s, wrong, 500),
        precisionAtDepth(s, wrong, 1000),
        suggestion,
        millis,
        peakHeap);
  }

  /** Precision in the first {@code depth} of the queue; NaN when there are fewer samples. */
  static double precisionAtDepth(double[] scores, boolean[] wrong, int depth) {
    return scores.length < depth ? Double.NaN : Evaluation.precisionAtK(scores, wrong, depth);
  }

  /**
   * A simulated annotator's finds after 100, 1000 and k reviews (each capped at n, no repeats), in
   * ascending order of reviews.
   */
  static List<ReviewYield> reviews(int[] queue, boolean[] wrong, int k) {
    List<ReviewYield> out = new ArrayList<>();
    for (int depth : new int[] {100, 1000, k}) {
      int m = Math.min(depth, queue.length);
      if (m < 1 || out.stream().anyMatch(r -> r.reviews() == m)) {
        continue;
      }
      int found = 0;
      for (int j = 0; j < m; j++) {
        found += wrong[queue[j]] ? 1 : 0;
      }
      out.add(new ReviewYield(m, found));
    }
    out.sort(Comparator.comparingInt(ReviewYield::reviews));
    return out;
  }
}
