package com.relabel.review.ui;

import com.relabel.dataset.SampleStatus;
import com.relabel.review.QueueFilter;
import com.relabel.review.QueueIssue;
import com.relabel.review.ReviewService;
import com.relabel.scoring.CartographyRegion;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The queue grid's filter as URL query parameters, so that a link opens a filtered grid: {@code
 * given, suggested, status (repeated or comma separated), min, max, region, flagged, decidedBy,
 * issue, sort}.
 */
final class QueueParameters {

  private QueueParameters() {}

  /**
   * Reads a filter from query parameters.
   *
   * @throws IllegalArgumentException naming the parameter that is not understood
   */
  static QueueFilter filter(Map<String, List<String>> params) {
    Set<SampleStatus> statuses = EnumSet.noneOf(SampleStatus.class);
    for (String value : all(params, "status")) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          statuses.add(
              parse("status", part, s -> SampleStatus.valueOf(s.toUpperCase(Locale.ROOT))));
        }
      }
    }
    String region = first(params, "region");
    String issue = first(params, "issue");
    return new QueueFilter(
        integer(params, "given"),
        integer(params, "suggested"),
        statuses,
        number(params, "min"),
        number(params, "max"),
        region == null
            ? null
            : parse("region", region, r -> CartographyRegion.valueOf(r.toUpperCase(Locale.ROOT))),
        first(params, "flagged"),
        first(params, "decidedBy"),
        issue == null ? null : parse("issue", issue, QueueIssue::of));
  }

  /** The ranking method of the link, the ensemble when it names none. */
  static String sort(Map<String, List<String>> params) {
    String sort = first(params, "sort");
    return sort == null ? ReviewService.ENSEMBLE : sort;
  }

  /** The query parameters for a filter and sort, leaving out what is not set. */
  static QueryParameters of(QueueFilter filter, String sort) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    put(out, "given", filter.given());
    put(out, "suggested", filter.suggested());
    if (!filter.statuses().isEmpty()) {
      out.put("status", filter.statuses().stream().sorted().map(Enum::name).toList());
    }
    put(out, "min", filter.minScore());
    put(out, "max", filter.maxScore());
    put(out, "region", filter.region());
    put(out, "flagged", filter.flaggedBy());
    put(out, "decidedBy", filter.decidedBy());
    put(out, "issue", filter.issue() == null ? null : filter.issue().parameter());
    if (sort != null && !ReviewService.ENSEMBLE.equals(sort)) {
      out.put("sort", List.of(sort));
    }
    return new QueryParameters(out);
  }

  private static void put(Map<String, List<String>> out, String name, Object value) {
    if (value != null) {
      out.put(name, List.of(value.toString()));
    }
  }

  private static List<String> all(Map<String, List<String>> params, String name) {
    return params.getOrDefault(name, List.of());
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = new ArrayList<>(all(params, name));
    values.removeIf(String::isBlank);
    return values.isEmpty() ? null : values.getFirst().trim();
  }

  private static Integer integer(Map<String, List<String>> params, String name) {
    String value = first(params, name);
    return value == null ? null : parse(name, value, Integer::valueOf);
  }

  private static Double number(Map<String, List<String>> params, String name) {
    String value = first(params, name);
    Double number = value == null ? null : parse(name, value, Double::valueOf);
    if (number != null && !Double.isFinite(number)) {
      // 1e309 and -1e309 overflow to infinity, "NaN" is no number
      throw new IllegalArgumentException(
          "'" + name + "=" + value + "' is not understood: a score bound must be a finite number");
    }
    return number;
  }

  private static <T> T parse(String name, String value, java.util.function.Function<String, T> f) {
    try {
      return f.apply(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + name + "=" + value + "' is not understood");
    }
  }
}
