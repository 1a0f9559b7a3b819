package com.relabel.training;

import com.relabel.dataset.CsvRecords;
import com.relabel.dataset.JsonLines;
import com.relabel.dataset.TextFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads per-sample class probabilities (and optionally embeddings) that a team's own model made, in
 * one of two formats, told apart by the first character:
 *
 * <ul>
 *   <li>CSV: a header {@code sample_index,<one column per class>[,emb_0,...,emb_{d-1}]}, then one
 *       row per sample, read as every CSV file here is ({@link CsvRecords}: RFC 4180 quotes, LF or
 *       CRLF). When the probability columns are named exactly the dataset's classes they are
 *       matched by name, in any order; otherwise by position, in label order.
 *   <li>JSON Lines: {@code {"sample_index": 3, "probabilities": [...], "embedding": [...]}} per
 *       line, probabilities in label order, {@code embedding} optional.
 * </ul>
 *
 * Every row is checked (a known sample, once; as many probabilities as the dataset has classes,
 * each in [0, 1], summing to 1 within {@value #SUM_TOLERANCE}; the same embedding size on every
 * row) and refused with the file and line of the first problem.
 */
final class PredictionsFile {

  /** How far the probabilities of a row may sum from 1 (rounding in the file). */
  static final double SUM_TOLERANCE = 0.01;

  /** The predictions by row of the dataset's training set; {@code embeddings} may be null. */
  record Predictions(float[][] probabilities, float[][] embeddings) {}

  private final String name;
  private final int numClasses;
  private final List<String> classNames;
  private final PredictionRows rows;

  private PredictionsFile(String name, List<String> classNames, PredictionRows rows) {
    this.name = name;
    this.numClasses = classNames.size();
    this.classNames = classNames;
    this.rows = rows;
  }

  /**
   * Reads the file for a training set of {@code sampleIndexes.length} rows. JSON Lines when the
   * first line that is not blank starts with <code>{</code>, else CSV; a UTF-8 byte-order mark is
   * skipped.
   *
   * @param classNames the dataset's classes, in label order
   * @param sampleIndexes the sample index of each training-set row
   * @param datasetSize the dataset's number of samples (indexes are 0 to datasetSize - 1)
   */
  static Predictions read(Path file, List<String> classNames, int[] sampleIndexes, int datasetSize)
      throws IOException {
    String name = file.getFileName().toString();
    var rows = new PredictionRows(name, sampleIndexes, datasetSize);
    var reader = new PredictionsFile(name, classNames, rows);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      if (JsonLines.firstVisible(in) == '{') {
        reader.readJsonl(in);
      } else {
        reader.readCsv(in);
      }
    } catch (CharacterCodingException e) {
      throw new PredictionsFormatException(name, 0, "not UTF-8 text");
    }
    return rows.complete();
  }

  private void readCsv(BufferedReader in) throws IOException {
    var csv = new CsvRecords(in, name);
    List<String> header = next(csv);
    if (header == null) {
      throw new PredictionsFormatException(name, 1, "the file is empty");
    }
    List<String> columns = header.stream().map(String::strip).toList();
    if (!columns.getFirst().equals("sample_index")) {
      throw new PredictionsFormatException(
          name, 1, "the first column must be sample_index, not '" + columns.getFirst() + "'");
    }
    int firstEmbedding = columns.size();
    for (int c = 1; c < columns.size(); c++) {
      if (columns.get(c).startsWith("emb_")) {
        firstEmbedding = Math.min(firstEmbedding, c);
      } else if (firstEmbedding < columns.size()) {
        throw new PredictionsFormatException(
            name, 1, "column '" + columns.get(c) + "' follows the emb_ columns");
      }
    }
    if (firstEmbedding - 1 != numClasses) {
      throw new PredictionsFormatException(
          name,
          1,
          (firstEmbedding - 1)
              + " probability columns, but the dataset has "
              + numClasses
              + " classes");
    }
    int[] classOfColumn = classOfColumn(columns.subList(1, firstEmbedding));
    List<String> fields;
    while ((fields = next(csv)) != null) {
      int lineNumber = csv.recordLine();
      if (fields.size() == 1 && fields.getFirst().isBlank()) {
        continue;
      }
      if (fields.size() != columns.size()) {
        throw new PredictionsFormatException(
            name, lineNumber, fields.size() + " fields, the header has " + columns.size());
      }
      int index = integer(fields.getFirst(), lineNumber, "sample_index");
      float[] p = new float[numClasses];
      for (int k = 0; k < numClasses; k++) {
        p[classOfColumn[k]] = number(fields.get(k + 1), lineNumber, columns.get(k + 1));
      }
      float[] embedding = null;
      if (firstEmbedding < columns.size()) {
        embedding = new float[columns.size() - firstEmbedding];
        for (int j = 0; j < embedding.length; j++) {
          embedding[j] =
              number(fields.get(firstEmbedding + j), lineNumber, columns.get(firstEmbedding + j));
        }
      }
      rows.accept(index, p, embedding, lineNumber);
    }
  }

  /** The next CSV record; a malformed quote is refused with this file's name and line. */
  private List<String> next(CsvRecords csv) throws IOException {
    try {
      return csv.next();
    } catch (TextFormatException e) {
      throw new PredictionsFormatException(name, e.line(), problem(e));
    }
  }

  /** The text of a CSV error without the file and line that start its message. */
  private static String problem(TextFormatException e) {
    String place = e.fileName() + (e.line() > 0 ? ", line " + e.line() : "") + ": ";
    return e.getMessage().substring(place.length());
  }

  /**
   * The class of each probability column: by name when the columns are named exactly the dataset's
   * classes (in any order), else by position.
   */
  private int[] classOfColumn(List<String> names) throws PredictionsFormatException {
    int[] classOf = new int[names.size()];
    if (new java.util.HashSet<>(names).equals(new java.util.HashSet<>(classNames))) {
      for (int c = 0; c < classOf.length; c++) {
        classOf[c] = classNames.indexOf(names.get(c));
      }
    } else {
      for (int c = 0; c < classOf.length; c++) {
        classOf[c] = c;
      }
    }
    return classOf;
  }

  private void readJsonl(BufferedReader in) throws IOException {
    JsonLines.read(
        in,
        (line, problem) -> new PredictionsFormatException(name, line, problem),
        (line, index, node) -> {
          float[] p = array(node.get("probabilities"), line, "probabilities");
          if (p == null) {
            throw new PredictionsFormatException(name, line, "no probabilities array");
          }
          if (p.length != numClasses) {
            throw new PredictionsFormatException(
                name,
                line,
                p.length + " probabilities, but the dataset has " + numClasses + " classes");
          }
          rows.accept(index, p, array(node.get("embedding"), line, "embedding"), line);
        });
  }

  private float[] array(JsonNode node, int line, String field) throws PredictionsFormatException {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw new PredictionsFormatException(name, line, field + " is not an array");
    }
    float[] values = new float[node.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode value = node.get(i);
      if (!value.isNumber()) {
        throw new PredictionsFormatException(
            name, line, field + "[" + i + "] is not a number: " + value);
      }
      values[i] = value.floatValue();
      if (!Float.isFinite(values[i])) {
        throw new PredictionsFormatException(name, line, field + "[" + i + "] is not finite");
      }
    }
    return values;
  }

  private int integer(String text, int line, String column) throws PredictionsFormatException {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new PredictionsFormatException(
          name, line, column + " '" + text + "' is not a whole number");
    }
  }

  private float number(String text, int line, String column) throws PredictionsFormatException {
    try {
      float value = Float.parseFloat(text.strip());
      if (Float.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new PredictionsFormatException(
        name, line, "column " + column + ": '" + text + "' is not a finite number");
  }
}
