package com.relabel.dataset;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the admin says about a table's columns when importing it (decision 0045).
 *
 * @param labelColumn the column holding the labels ({@code label} unless told)
 * @param idColumn the column holding each row's id, kept for the export and never learnt from; null
 *     when the table has none (a row's id is then its line)
 * @param categorical columns to one-hot encode even though they hold numbers (codes, zip codes); a
 *     column whose first value is not a number is categorical anyway
 */
public record TableOptions(String labelColumn, String idColumn, Set<String> categorical) {

  public static final String DEFAULT_LABEL = "label";

  public TableOptions {
    labelColumn = labelColumn == null || labelColumn.isBlank() ? DEFAULT_LABEL : labelColumn.trim();
    idColumn = idColumn == null || idColumn.isBlank() ? null : idColumn.trim();
    categorical = categorical == null ? Set.of() : Set.copyOf(categorical);
  }

  /** Column names given as comma-separated lists (a form field, repeated request parameters). */
  public static Set<String> columns(Collection<String> lists) {
    return lists.stream()
        .flatMap(list -> Arrays.stream(list.split(",")))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toSet());
  }

  /** The label in column {@code label}, no id column, types from the values. */
  public static TableOptions standard() {
    return new TableOptions(DEFAULT_LABEL, null, Set.of());
  }
}
