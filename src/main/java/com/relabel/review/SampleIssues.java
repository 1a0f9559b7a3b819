package com.relabel.review;

import com.relabel.security.Roles;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The near-duplicates and outlier flag a run stored for a sample, and how many samples have each
 * issue (decision 0043).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.ANNOTATOR + "')")
public class SampleIssues {

  private final NamedParameterJdbcTemplate jdbc;

  SampleIssues(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The sample's issues in run {@code runId}: the outlier flag first, then pairs, nearest first.
   */
  public List<SampleIssue> of(long runId, long sampleId) {
    return jdbc.query(
        "select i.kind, o.sample_index, o.current_label, i.distance from sample_issue i"
            + " left join sample o on o.id = i.other_sample_id"
            + " where i.run_id = :run and i.sample_id = :sample"
            + " order by case when i.kind = 'OUTLIER' then 0 else 1 end, i.distance, o.sample_index",
        new MapSqlParameterSource("run", runId).addValue("sample", sampleId),
        (rs, n) ->
            new SampleIssue(
                SampleIssue.Kind.valueOf(rs.getString(1)),
                rs.getObject(2, Integer.class),
                rs.getObject(3, Integer.class),
                rs.getDouble(4)));
  }

  /**
   * How many samples of run {@code runId} have each issue, as the queue's issue filter counts them:
   * a pair is two samples, each with a near-duplicate.
   */
  public Map<QueueIssue, Long> counts(long runId) {
    Map<QueueIssue, Long> counts = new EnumMap<>(QueueIssue.class);
    var run = new MapSqlParameterSource("run", runId);
    for (QueueIssue issue : QueueIssue.values()) {
      counts.put(issue, jdbc.queryForObject(issue.countSql(), run, Long.class));
    }
    return counts;
  }
}
