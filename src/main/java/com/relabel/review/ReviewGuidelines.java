package com.relabel.review;

import com.relabel.dataset.DatasetService;
import com.relabel.security.CurrentUser;
import com.relabel.security.Roles;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each dataset's review guidelines: instructions an admin writes (plain text or Markdown) and every
 * reviewer reads on the review screen. Only admins change them; every change is kept, with who made
 * it and when, in {@code review_guidelines_change} (the audit trail's rows are about samples,
 * decision 0005, so the history lives here).
 */
@Service
@Transactional(readOnly = true)
public class ReviewGuidelines {

  /** The longest guidelines text, in characters. */
  public static final int MAX_LENGTH = 20_000;

  private final NamedParameterJdbcTemplate jdbc;
  private final DatasetService datasets;

  ReviewGuidelines(NamedParameterJdbcTemplate jdbc, DatasetService datasets) {
    this.jdbc = jdbc;
    this.datasets = datasets;
  }

  /** The dataset's current guidelines; empty when none were written (or they were cleared). */
  @PreAuthorize("isAuthenticated()")
  public Optional<Guidelines> current(long datasetId) {
    return jdbc
        .query(
            "select body, changed_by, changed_at from review_guidelines where dataset_id = :d",
            new MapSqlParameterSource("d", datasetId),
            ReviewGuidelines::row)
        .stream()
        .findFirst()
        .filter(g -> !g.text().isBlank());
  }

  /** Every version the dataset's guidelines had, newest first (admins only). */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public List<Guidelines> history(long datasetId) {
    return jdbc.query(
        "select body, changed_by, changed_at from review_guidelines_change where dataset_id = :d"
            + " order by id desc",
        new MapSqlParameterSource("d", datasetId),
        ReviewGuidelines::row);
  }

  /**
   * Replaces the dataset's guidelines with {@code text} (admins only) and keeps the change. A blank
   * text clears them. Saving the text that is already there changes nothing.
   *
   * @throws IllegalArgumentException if the text is longer than {@value #MAX_LENGTH} characters
   */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public Guidelines save(long datasetId, String text) {
    String body = text == null ? "" : text.strip();
    if (body.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          String.format(
              "Guidelines may have at most %,d characters, not %,d.", MAX_LENGTH, body.length()));
    }
    datasets.get(datasetId); // refuses an unknown dataset
    Optional<String> before =
        jdbc
            .queryForList(
                "select body from review_guidelines where dataset_id = :d",
                new MapSqlParameterSource("d", datasetId),
                String.class)
            .stream()
            .findFirst();
    if (before.orElse("").equals(body)) {
      return current(datasetId).orElse(null);
    }
    var saved = new Guidelines(body, CurrentUser.username(), Instant.now());
    var params =
        new MapSqlParameterSource()
            .addValue("d", datasetId)
            .addValue("body", body)
            .addValue("by", saved.changedBy())
            .addValue("at", saved.changedAt().atOffset(ZoneOffset.UTC));
    if (before.isPresent()) {
      jdbc.update(
          "update review_guidelines set body = :body, changed_by = :by, changed_at = :at"
              + " where dataset_id = :d",
          params);
    } else {
      jdbc.update(
          "insert into review_guidelines (dataset_id, body, changed_by, changed_at)"
              + " values (:d, :body, :by, :at)",
          params);
    }
    jdbc.update(
        "insert into review_guidelines_change (dataset_id, body, changed_by, changed_at)"
            + " values (:d, :body, :by, :at)",
        params);
    return saved;
  }

  private static Guidelines row(ResultSet rs, int n) throws SQLException {
    return new Guidelines(
        rs.getString("body"),
        rs.getString("changed_by"),
        rs.getObject("changed_at", OffsetDateTime.class).toInstant());
  }
}
