package com.relabel.review;

import com.relabel.dataset.DatasetService;
import com.relabel.security.Roles;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many agreeing reviews make a dataset's labels final: 1 (the default) is a single decision;
 * more turns on consensus review, where each decision is a vote.
 */
@Service
@Transactional(readOnly = true)
public class ReviewPolicies {

  /** The most reviews a dataset can require. */
  public static final int MAX_REQUIRED_REVIEWS = 10;

  private final NamedParameterJdbcTemplate jdbc;
  private final DatasetService datasets;

  ReviewPolicies(NamedParameterJdbcTemplate jdbc, DatasetService datasets) {
    this.jdbc = jdbc;
    this.datasets = datasets;
  }

  /** The number of agreeing reviews that make a label of the dataset final (1 = no consensus). */
  @PreAuthorize("isAuthenticated()")
  public int requiredReviews(long datasetId) {
    return requiredReviewsOf(datasetId);
  }

  int requiredReviewsOf(long datasetId) {
    return jdbc
        .queryForList(
            "select required_reviews from review_policy where dataset_id = :dataset",
            new MapSqlParameterSource("dataset", datasetId),
            Integer.class)
        .stream()
        .findFirst()
        .orElse(1);
  }

  /**
   * Sets the number of agreeing reviews (admins only). Votes already cast stay; a sample is judged
   * against the new number at its next vote.
   *
   * @throws IllegalArgumentException if {@code required} is outside 1..{@value
   *     #MAX_REQUIRED_REVIEWS}
   */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public void setRequiredReviews(long datasetId, int required) {
    if (required < 1 || required > MAX_REQUIRED_REVIEWS) {
      throw new IllegalArgumentException(
          "required reviews must be between 1 and " + MAX_REQUIRED_REVIEWS + ", not " + required);
    }
    datasets.get(datasetId); // refuses an unknown dataset
    var params = new MapSqlParameterSource().addValue("dataset", datasetId).addValue("n", required);
    if (jdbc.update(
            "update review_policy set required_reviews = :n where dataset_id = :dataset", params)
        == 0) {
      jdbc.update(
          "insert into review_policy (dataset_id, required_reviews) values (:dataset, :n)", params);
    }
  }
}
