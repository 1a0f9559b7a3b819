package com.relabel.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The "images plus {@code labels.csv}" layout. The header names a file column ({@code file}, {@code
 * filename}, {@code path} or {@code image}) and a {@code label} column; each row gives one image's
 * path relative to the root and its label. Integer labels are class indexes; otherwise the distinct
 * names, sorted, are the classes. Every image must be listed exactly once.
 */
final class LabelsCsv {

  private static final Set<String> FILE_COLUMNS = Set.of("file", "filename", "path", "image");
  private static final Set<String> LABEL_COLUMNS = Set.of("label", "class");

  private LabelsCsv() {}

  static ImageFolderIndex index(ImageSource source, String root, List<String> inside)
      throws IOException {
    String csvName =
        inside.stream()
            .filter(f -> f.equalsIgnoreCase(ImageFolderIndex.LABELS_FILE))
            .findFirst()
            .orElseThrow();
    Set<String> images = new HashSet<>();
    for (String f : inside) {
      if (ImageFolderIndex.isImage(f)) {
        images.add(f);
      }
    }
    Map<String, String> rows = read(source, root + csvName, images);
    for (String f : inside) {
      if (ImageFolderIndex.isImage(f) && !rows.containsKey(f)) {
        throw new ImageFolderException(root + f, "is not listed in " + csvName);
      }
    }
    if (rows.isEmpty()) {
      throw new ImageFolderException(root + csvName, "lists no images");
    }
    boolean integers = ClassLabels.allIntegers(rows.values());
    List<String> names;
    Map<String, Integer> classOf = new HashMap<>();
    if (integers) {
      int max = rows.values().stream().mapToInt(Integer::parseInt).max().orElseThrow();
      names = DatasetImporter.defaultClassNames(max + 1);
    } else {
      names = ClassLabels.sortedNames(rows.values());
    }
    for (int k = 0; k < names.size(); k++) {
      classOf.put(names.get(k), k);
    }
    List<String> files = new ArrayList<>(rows.size());
    int[] labels = new int[rows.size()];
    int i = 0;
    for (var row : rows.entrySet()) {
      files.add(root + row.getKey());
      labels[i++] = integers ? Integer.parseInt(row.getValue()) : classOf.get(row.getValue());
    }
    return new ImageFolderIndex(root, files, labels, names, csvName);
  }

  /** File to label, in row order. */
  private static Map<String, String> read(ImageSource source, String csv, Set<String> images)
      throws IOException {
    var rows = new LinkedHashMap<String, String>();
    try (var in =
        new BufferedReader(new InputStreamReader(source.open(csv), StandardCharsets.UTF_8))) {
      String header = in.readLine();
      if (header == null) {
        throw new ImageFolderException(csv, 1, "empty; expected a header like file,label");
      }
      List<String> columns = split(header.replace("\uFEFF", ""));
      int fileColumn = column(columns, FILE_COLUMNS);
      int labelColumn = column(columns, LABEL_COLUMNS);
      if (fileColumn < 0 || labelColumn < 0) {
        throw new ImageFolderException(
            csv,
            1,
            "header '"
                + header
                + "' needs a file column (file, filename, path or image) and a label column");
      }
      int lineNumber = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        List<String> fields = split(line);
        if (fields.size() != columns.size()) {
          throw new ImageFolderException(
              csv,
              lineNumber,
              "has %d fields, the header has %d".formatted(fields.size(), columns.size()));
        }
        String file = fields.get(fileColumn).trim();
        if (file.startsWith("./")) {
          file = file.substring(2);
        }
        String label = fields.get(labelColumn).trim();
        if (label.isEmpty()) {
          throw new ImageFolderException(csv, lineNumber, "'" + file + "' has an empty label");
        }
        if (label.indexOf('\0') >= 0) {
          throw new ImageFolderException(
              csv, lineNumber, "the label contains a NUL character (U+0000)");
        }
        if (label.length() > TextFileReader.MAX_LABEL_CHARS) {
          throw new ImageFolderException(
              csv,
              lineNumber,
              "the label is longer than " + TextFileReader.MAX_LABEL_CHARS + " characters");
        }
        if (!images.contains(file)) {
          throw new ImageFolderException(
              csv, lineNumber, "names '" + file + "', which is not an image in the folder");
        }
        if (rows.put(file, label) != null) {
          throw new ImageFolderException(csv, lineNumber, "lists '" + file + "' a second time");
        }
      }
    }
    return rows;
  }

  private static int column(List<String> header, Set<String> names) {
    for (int c = 0; c < header.size(); c++) {
      if (names.contains(header.get(c).trim().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    return -1;
  }

  /** One CSV line: comma separated, fields optionally in double quotes ({@code ""} escapes). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    var field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    out.add(field.toString());
    return out;
  }
}
