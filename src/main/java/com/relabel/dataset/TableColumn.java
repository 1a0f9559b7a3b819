package com.relabel.dataset;

import java.util.List;
import java.util.Locale;

/**
 * How one feature column of a table dataset becomes numbers for the MLP (decision 0045): a numeric
 * column is standardised with its mean and spread over the file, an empty cell becomes the mean (0
 * once standardised) and sets a missing-indicator feature; a categorical column is one-hot encoded,
 * an empty cell being a level of its own ({@link #MISSING}, always the last level, so that a real
 * value spelled the same stays a level apart).
 *
 * @param name the header's name of the column
 * @param position the column's 0-based position in the file
 * @param numeric numeric (else categorical)
 * @param mean the mean of the column's numbers (numeric columns)
 * @param spread their standard deviation, 0 when they never vary (numeric columns)
 * @param hasMissing whether some cell is empty (a numeric column then has an indicator feature)
 * @param levels the distinct values in sorted order, then {@link #MISSING} when some cell is empty
 *     (categorical columns)
 */
public record TableColumn(
    String name,
    int position,
    boolean numeric,
    double mean,
    double spread,
    boolean hasMissing,
    List<String> levels) {

  /** The level an empty cell of a categorical column takes. */
  public static final String MISSING = "(missing)";

  public TableColumn {
    levels = List.copyOf(levels);
  }

  /** Whether a cell counts as empty: blank, or pandas' default NA and NaN. */
  static boolean isMissing(String cell) {
    String c = cell.trim();
    return c.isEmpty() || c.equals("NA") || c.equalsIgnoreCase("nan");
  }

  /** The number in a cell, or NaN when it is not one (a finite decimal or scientific number). */
  static double number(String cell) {
    String c = cell.trim();
    if (c.isEmpty() || !(Character.isDigit(c.charAt(c.length() - 1)) || c.endsWith("."))) {
      return Double.NaN; // refuses "Infinity", "1e5d", "0x1p3" that parseDouble would take
    }
    try {
      double v = Double.parseDouble(c);
      return Double.isFinite(v) ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** How many features this column becomes. */
  public int width() {
    return numeric ? (hasMissing ? 2 : 1) : levels.size();
  }

  /** Writes the cell's features at {@code out[at...]}; the cell was checked by the reader. */
  void encode(String cell, float[] out, int at) {
    boolean missing = isMissing(cell);
    if (numeric) {
      out[at] = missing || spread == 0 ? 0f : (float) ((number(cell) - mean) / spread);
      if (hasMissing) {
        out[at + 1] = missing ? 1f : 0f;
      }
      return;
    }
    // the missing level is the last one, found by place: a cell that says "(missing)" is a value
    int level = missing ? levels.size() - 1 : levels.indexOf(cell.trim());
    out[at + level] = 1f;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s (%s)", name, numeric ? "numeric" : levels.size() + " levels");
  }
}
