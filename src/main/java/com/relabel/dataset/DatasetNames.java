package com.relabel.dataset;

/**
 * The rule for a dataset's name, checked by every importer before it writes (the REST API, the
 * import views and the demo all go through them): 1 to {@value #MAX_CHARS} characters after
 * stripping (the column's size), no control character (PostgreSQL refuses NUL in text, H2 would
 * store it; both are refused alike), and no U+FFFD: a name sent in another encoding than UTF-8
 * arrives with its undecodable bytes replaced by it, and would be stored mangled.
 */
public final class DatasetNames {

  /** The most characters of a name (the size of {@code dataset.name}). */
  public static final int MAX_CHARS = 200;

  private DatasetNames() {}

  /** The name, stripped; refuses an empty, too long or control-character name. */
  public static String checked(String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_CHARS) {
      throw new IllegalArgumentException(
          "the dataset name must have 1 to "
              + MAX_CHARS
              + " characters"
              + (stripped.isEmpty() ? "" : "; it has " + stripped.length()));
    }
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "the dataset name contains a control character (such as NUL, U+0000)");
    }
    if (stripped.indexOf('\uFFFD') >= 0) {
      throw new IllegalArgumentException(
          "the dataset name is not valid UTF-8: it contains U+FFFD, the character that stands for"
              + " bytes that could not be decoded; send the name as UTF-8");
    }
    return stripped;
  }

  /** As {@link #checked(String)}, and refuses a name another dataset already has. */
  static String checkedAndFree(String name, DatasetRepository datasets) {
    String checked = checked(name);
    if (datasets.findByName(checked).isPresent()) {
      throw new IllegalArgumentException("a dataset named '" + checked + "' already exists");
    }
    return checked;
  }
}
