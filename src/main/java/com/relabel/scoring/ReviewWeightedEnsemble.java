package com.relabel.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns the weights of a {@link RankAverageEnsemble} from reviewers' decisions (docs/methods.md,
 * "Weights learned from reviews"): every confirmed or corrected sample is a labelled example of
 * "was this flagged label really wrong".
 *
 * <p>The features of a reviewed sample are its normalised ranks under every method ({@link
 * Ranking#normalizedRanks}, centred to {@code [-0.5, 0.5]}); an L2-regularised logistic regression
 * ({@code lambda} = {@value #L2_PENALTY} on the method coefficients, none on the intercept) is
 * fitted by Newton's method (iteratively reweighted least squares) for at most {@value #ITERATIONS}
 * iterations, stopping early once a step changes no parameter by more than {@code 1e-10}; this is
 * deterministic. A method's weight is {@code max(0, coefficient)}: a method whose ranking does not
 * separate wrong from confirmed labels, or reverses it, drops out. This is stacked generalisation
 * (Wolpert, "Stacked Generalization", Neural Networks 1992) with a non-negative, rank-based
 * combiner.
 *
 * <p>The learned weights do not replace the standard ones; they are mixed in by the share {@code s
 * = c / (c + }{@value #PRIOR_REVIEWS}{@code )}, where {@code c} is the number of reviews of the
 * rarer outcome: {@code w = (1 - s) standard + s learned}, both normalised to sum 1. Reviews come
 * from the top of the queue, where nearly every label is wrong, so the few confirmed ones decide
 * the fit; on its own, a fit on 5 confirmations made the rest of the queue worse (Fashion-MNIST
 * with look-alike flips: 97 -> 85 errors per 100 in the next 1,000; docs/methods.md, "Weights
 * learned from reviews"). The standard weights are the prior; the reviews move the ensemble as far
 * as their number supports.
 *
 * <p>Fallback to the {@link RankAverageEnsemble#standard() standard} weights (then {@link
 * #fitted()} is false): fewer than {@value #MIN_REVIEWS_PER_OUTCOME} reviews of either outcome (too
 * few to tell methods apart), or no positive coefficient.
 */
public final class ReviewWeightedEnsemble {

  /** Reviews of each outcome needed before weights are learned. */
  public static final int MIN_REVIEWS_PER_OUTCOME = 5;

  /** The L2 penalty on the method coefficients. */
  public static final double L2_PENALTY = 1.0;

  /**
   * How many reviews of the rarer outcome the standard weights count as: with that many, the
   * learned weights have half the say.
   */
  public static final int PRIOR_REVIEWS = 200;

  /** The maximum number of Newton steps. */
  public static final int ITERATIONS = 50;

  /**
   * One reviewer's decision.
   *
   * @param sample the reviewed sample's index
   * @param labelWasWrong true when the label was corrected or the sample excluded, false when the
   *     label was confirmed
   */
  public record Review(int sample, boolean labelWasWrong) {}

  private final Map<String, Double> coefficients;
  private final Map<String, Double> weights;
  private final boolean fitted;

  private ReviewWeightedEnsemble(
      Map<String, Double> coefficients, Map<String, Double> weights, boolean fitted) {
    this.coefficients = coefficients;
    this.weights = weights;
    this.fitted = fitted;
  }

  /**
   * Learns method weights from reviews.
   *
   * @param methods every method's scores over the same samples, names distinct
   * @param reviews the decisions; a sample reviewed twice counts twice
   * @throws IllegalArgumentException if there are no methods, sizes differ, a name repeats or a
   *     reviewed index is out of range
   */
  public static ReviewWeightedEnsemble fit(List<MethodScores> methods, List<Review> reviews) {
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("at least one method needed");
    }
    int n = methods.getFirst().scores().length;
    int m = methods.size();
    double[][] ranks = new double[m][];
    Map<String, Double> equal = new LinkedHashMap<>();
    for (int a = 0; a < m; a++) {
      MethodScores method = methods.get(a);
      if (method.scores().length != n) {
        throw new IllegalArgumentException(
            method.method() + " does not score all " + n + " samples");
      }
      if (equal.put(method.method(), 1.0) != null) {
        throw new IllegalArgumentException("method " + method.method() + " appears twice");
      }
      ranks[a] = Ranking.normalizedRanks(method.scores());
    }
    int wrong = 0;
    for (Review review : reviews) {
      if (review.sample() < 0 || review.sample() >= n) {
        throw new IllegalArgumentException("reviewed sample " + review.sample() + " out of range");
      }
      wrong += review.labelWasWrong() ? 1 : 0;
    }
    int confirmed = reviews.size() - wrong;
    Map<String, Double> zeros = new LinkedHashMap<>();
    equal.keySet().forEach(name -> zeros.put(name, 0.0));
    Map<String, Double> standard =
        RankAverageEnsemble.standard().weightsOf(List.copyOf(equal.keySet()));
    if (wrong < MIN_REVIEWS_PER_OUTCOME || confirmed < MIN_REVIEWS_PER_OUTCOME) {
      return new ReviewWeightedEnsemble(zeros, standard, false);
    }
    double[][] features = new double[reviews.size()][m];
    double[] outcome = new double[reviews.size()];
    for (int r = 0; r < reviews.size(); r++) {
      for (int a = 0; a < m; a++) {
        features[r][a] = ranks[a][reviews.get(r).sample()] - 0.5;
      }
      outcome[r] = reviews.get(r).labelWasWrong() ? 1 : 0;
    }
    double[] beta = logisticRegression(features, outcome, L2_PENALTY);
    Map<String, Double> coefficients = new LinkedHashMap<>();
    Map<String, Double> learned = new LinkedHashMap<>();
    boolean anyPositive = false;
    for (int a = 0; a < m; a++) {
      String name = methods.get(a).method();
      coefficients.put(name, beta[a]);
      learned.put(name, Math.max(0, beta[a]));
      anyPositive |= beta[a] > 0;
    }
    if (!anyPositive) {
      return new ReviewWeightedEnsemble(coefficients, standard, false);
    }
    double share = learnedShare(Math.min(wrong, confirmed));
    return new ReviewWeightedEnsemble(
        coefficients, mix(normalised(standard), normalised(learned), share), true);
  }

  /**
   * The say of weights learned from reviews against the standard ones, given the number of reviews
   * of the rarer outcome (see the class comment).
   */
  public static double learnedShare(int rarerOutcomeReviews) {
    return rarerOutcomeReviews / (double) (rarerOutcomeReviews + PRIOR_REVIEWS);
  }

  private static Map<String, Double> normalised(Map<String, Double> weights) {
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> out = new LinkedHashMap<>();
    weights.forEach((name, w) -> out.put(name, w / sum));
    return out;
  }

  private static Map<String, Double> mix(
      Map<String, Double> prior, Map<String, Double> learned, double share) {
    Map<String, Double> out = new LinkedHashMap<>();
    prior.forEach((name, w) -> out.put(name, (1 - share) * w + share * learned.get(name)));
    return out;
  }

  /** Whether weights were learned (false: the standard weights, see the class comment). */
  public boolean fitted() {
    return fitted;
  }

  /** The logistic-regression coefficient of every method (0 when not fitted), in input order. */
  public Map<String, Double> coefficients() {
    return new LinkedHashMap<>(coefficients);
  }

  /** The non-negative ensemble weight of every method, in input order. */
  public Map<String, Double> weights() {
    return new LinkedHashMap<>(weights);
  }

  /** The rank-average ensemble with these weights. */
  public RankAverageEnsemble ensemble() {
    return RankAverageEnsemble.weighted(weights);
  }

  /**
   * Newton's method for L2-regularised logistic regression with an unpenalised intercept.
   *
   * @return the coefficients followed by the intercept
   */
  static double[] logisticRegression(double[][] x, double[] y, double penalty) {
    int rows = x.length;
    int m = rows == 0 ? 0 : x[0].length;
    int p = m + 1;
    double[] beta = new double[p];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[] gradient = new double[p];
      double[][] hessian = new double[p][p];
      for (int r = 0; r < rows; r++) {
        double z = beta[m];
        for (int a = 0; a < m; a++) {
          z += beta[a] * x[r][a];
        }
        double probability = 1 / (1 + Math.exp(-z));
        double residual = probability - y[r];
        double w = probability * (1 - probability);
        for (int a = 0; a < p; a++) {
          double xa = a < m ? x[r][a] : 1;
          gradient[a] += residual * xa;
          for (int b = 0; b <= a; b++) {
            double xb = b < m ? x[r][b] : 1;
            hessian[a][b] += w * xa * xb;
          }
        }
      }
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < a; b++) {
          hessian[b][a] = hessian[a][b];
        }
        double ridge = a < m ? penalty : 1e-9;
        hessian[a][a] += ridge;
        gradient[a] += a < m ? penalty * beta[a] : 0;
      }
      double[] step = solve(hessian, gradient);
      double largest = 0;
      for (int a = 0; a < p; a++) {
        beta[a] -= step[a];
        largest = Math.max(largest, Math.abs(step[a]));
      }
      if (largest < 1e-10) {
        break;
      }
    }
    return beta;
  }

  /**
   * Solves {@code a x = b} by Gaussian elimination with partial pivoting; a is positive definite.
   */
  private static double[] solve(double[][] a, double[] b) {
    int p = b.length;
    double[][] m = new double[p][];
    for (int i = 0; i < p; i++) {
      m[i] = new double[p + 1];
      System.arraycopy(a[i], 0, m[i], 0, p);
      m[i][p] = b[i];
    }
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      for (int r = col + 1; r < p; r++) {
        double factor = m[r][col] / m[col][col];
        for (int c = col; c <= p; c++) {
          m[r][c] -= factor * m[col][c];
        }
      }
    }
    double[] solution = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double sum = m[r][p];
      for (int c = r + 1; c < p; c++) {
        sum -= m[r][c] * solution[c];
      }
      solution[r] = sum / m[r][r];
    }
    return solution;
  }
}
