package com.relabel.scoring;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every method's scores for one set of training dynamics plus their ensemble: the table a review
 * queue is ranked from and a CSV export is written from.
 *
 * @param methods one entry per method, in registry order
 * @param ensemble the rank-average ensemble of {@code methods}
 */
public record ScoreTable(List<MethodScores> methods, MethodScores ensemble) {

  /** Copies the method list and checks that every method covers the same samples. */
  public ScoreTable {
    methods = List.copyOf(methods);
    int n = ensemble.scores().length;
    for (MethodScores method : methods) {
      if (method.scores().length != n) {
        throw new IllegalArgumentException(
            method.method() + " does not cover all " + n + " samples");
      }
    }
  }

  /** The number of scored samples. */
  public int sampleCount() {
    return ensemble.scores().length;
  }

  /** The method names, in registry order, without the ensemble. */
  public List<String> methodNames() {
    return methods.stream().map(MethodScores::method).toList();
  }

  /**
   * The scores of one method, or of the ensemble for {@value RankAverageEnsemble#NAME}.
   *
   * @throws NoSuchElementException if the table has no such method
   */
  public MethodScores method(String name) {
    if (ensemble.method().equals(name)) {
      return ensemble;
    }
    return methods.stream()
        .filter(method -> method.method().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no scores for method " + name));
  }
}
