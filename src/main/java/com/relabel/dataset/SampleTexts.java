package com.relabel.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The texts of text samples, for the views that show them instead of an image. */
@Service
@Transactional(readOnly = true)
public class SampleTexts {

  private final JdbcTemplate jdbc;

  SampleTexts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The whole text of one sample, or empty if it has none (an image sample). */
  public Optional<String> text(long sampleId) {
    return jdbc
        .queryForList(
            "select text_body from sample_content where sample_id = ? and text_body is not null",
            String.class,
            sampleId)
        .stream()
        .findFirst();
  }

  /**
   * The first {@code maxChars} characters of each of these samples' texts, by sample id, in one
   * query (a grid page); samples without text are left out.
   */
  public Map<Long, String> snippets(Collection<Long> sampleIds, int maxChars) {
    Map<Long, String> out = new HashMap<>();
    if (sampleIds.isEmpty()) {
      return out;
    }
    String marks = String.join(",", Collections.nCopies(sampleIds.size(), "?"));
    List<Object> args = new ArrayList<>();
    args.add(maxChars);
    args.addAll(sampleIds);
    jdbc.query(
        "select sample_id, substring(text_body, 1, ?) from sample_content where sample_id in ("
            + marks
            + ") and text_body is not null",
        rs -> {
          out.put(rs.getLong(1), rs.getString(2));
        },
        args.toArray());
    return out;
  }
}
