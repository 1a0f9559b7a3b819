package com.relabel.dataset;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Streams a team's own vectors, one per sample, from one of three formats told apart by the file's
 * first bytes (decision 0044):
 *
 * <ul>
 *   <li>NumPy {@code .npy} ({@link NpyRows}): float32 or float64, shape n x d, row i = sample i;
 *   <li>JSON Lines: <code>{"sample_index": 3, "embedding": [...]}</code> per line;
 *   <li>CSV: a header {@code sample_index,e0,e1,...,e(d-1)} ({@code emb_0, ...} also), then one row
 *       per sample, read as every CSV file here is ({@link CsvRecords}).
 * </ul>
 *
 * Every row is checked as it is read: a known sample, once; the same number of components as the
 * first row; finite numbers within half precision's range (the vectors are stored as {@link
 * TextVectors} store the encoder's); and at the end, every sample of the dataset present. The first
 * problem is refused with the file, the line or row, and the field. Only one row is held at a time.
 */
public final class EmbeddingsFile {

  /** The most components one vector may have. */
  public static final int MAX_DIMENSION = 65_536;

  /** The largest magnitude half precision holds (decision 0038 stores vectors that way). */
  static final float HALF_MAX = 65_504f;

  private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  private final String name;
  private final int datasetSize;
  private final EmbeddingRows rows;
  private final BitSet seen;
  private final int[] placeOf;
  private int dimension = -1;

  private EmbeddingsFile(String name, int datasetSize, EmbeddingRows rows) {
    this.name = name;
    this.datasetSize = datasetSize;
    this.rows = rows;
    this.seen = new BitSet(datasetSize);
    this.placeOf = new int[datasetSize];
  }

  /**
   * Reads {@code file} for a dataset of {@code datasetSize} samples (indexes 0 to size - 1),
   * handing each checked vector to {@code rows}; returns the vectors' dimension.
   *
   * @param name the file's name as the person knows it, used in every error
   * @throws EmbeddingsFormatException at the first problem, naming file, line or row, and field
   */
  public static int read(Path file, String name, int datasetSize, EmbeddingRows rows)
      throws IOException {
    var reader = new EmbeddingsFile(name, datasetSize, rows);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      in.mark(NPY_MAGIC.length);
      byte[] start = in.readNBytes(NPY_MAGIC.length);
      in.reset();
      if (java.util.Arrays.equals(start, NPY_MAGIC)) {
        NpyRows.read(in, name, datasetSize, reader::npyRow);
      } else {
        reader.readText(in);
      }
    }
    reader.requireEverySample();
    return reader.dimension;
  }

  private void readText(InputStream bytes) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (var in = new BufferedReader(new InputStreamReader(bytes, decoder), 1 << 16)) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset();
      }
      int c = JsonLines.firstVisible(in);
      if (c == -1) {
        throw new EmbeddingsFormatException(name, "", "the file is empty");
      } else if (c == '{') {
        readJsonl(in);
      } else {
        readCsv(in);
      }
    } catch (CharacterCodingException e) {
      throw new EmbeddingsFormatException(name, "", "not UTF-8 text, nor a NumPy .npy file");
    }
  }

  private void readCsv(BufferedReader in) throws IOException {
    var csv = new CsvRecords(in, name);
    List<String> header = next(csv);
    if (!header.getFirst().strip().equals("sample_index")) {
      throw new EmbeddingsFormatException(
          name,
          "line 1",
          "the first column must be sample_index, not '" + header.getFirst().strip() + "'");
    }
    for (int j = 1; j < header.size(); j++) {
      String column = header.get(j).strip();
      if (!column.equals("e" + (j - 1)) && !column.equals("emb_" + (j - 1))) {
        throw new EmbeddingsFormatException(
            name, "line 1", "column " + (j + 1) + " is '" + column + "', expected e" + (j - 1));
      }
    }
    if (header.size() < 2) {
      throw new EmbeddingsFormatException(
          name, "line 1", "no e0, e1, ... columns after sample_index");
    }
    List<String> fields;
    while ((fields = next(csv)) != null) {
      int line = csv.recordLine();
      if (fields.size() == 1 && fields.getFirst().isBlank()) {
        continue;
      }
      String place = "line " + line;
      if (fields.size() != header.size()) {
        throw new EmbeddingsFormatException(
            name, place, fields.size() + " fields, the header has " + header.size());
      }
      int index = sampleIndex(fields.getFirst(), place);
      float[] vector = new float[fields.size() - 1];
      for (int j = 0; j < vector.length; j++) {
        vector[j] = number(fields.get(j + 1), place, header.get(j + 1).strip());
      }
      accept(index, vector, line, place);
    }
  }

  /** The next CSV record; a malformed quote is refused with this file's name and line. */
  private List<String> next(CsvRecords csv) throws IOException {
    try {
      return csv.next();
    } catch (TextFormatException e) {
      throw new EmbeddingsFormatException(
          name, "line " + e.line(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
    }
  }

  private void readJsonl(BufferedReader in) throws IOException {
    JsonLines.read(
        in,
        (line, problem) -> new EmbeddingsFormatException(name, "line " + line, problem),
        (line, index, node) -> {
          String place = "line " + line;
          JsonNode values = node.get("embedding");
          if (values == null || !values.isArray()) {
            throw new EmbeddingsFormatException(name, place, "no embedding array");
          }
          float[] vector = new float[values.size()];
          for (int j = 0; j < vector.length; j++) {
            JsonNode value = values.get(j);
            if (!value.isNumber()) {
              throw new EmbeddingsFormatException(
                  name, place, "embedding[" + j + "] is not a number: " + value);
            }
            vector[j] = finite(value.doubleValue(), place, "embedding[" + j + "]");
          }
          accept(index, vector, line, place);
        });
  }

  /** Row {@code row} of a NumPy file: sample {@code row}. */
  private void npyRow(int row, float[] vector) throws IOException {
    String place = "row " + row;
    for (int j = 0; j < vector.length; j++) {
      finite(vector[j], place, "column " + j);
    }
    accept(row, vector, row, place);
  }

  private void accept(int index, float[] vector, int at, String place) throws IOException {
    if (index < 0 || index >= datasetSize) {
      throw new EmbeddingsFormatException(
          name,
          place,
          "sample_index " + index + " is not in the dataset (0 to " + (datasetSize - 1) + ")");
    }
    if (dimension < 0) {
      if (vector.length == 0 || vector.length > MAX_DIMENSION) {
        throw new EmbeddingsFormatException(
            name,
            place,
            "an embedding of " + vector.length + " values (1 to " + MAX_DIMENSION + " allowed)");
      }
      dimension = vector.length;
    } else if (vector.length != dimension) {
      throw new EmbeddingsFormatException(
          name,
          place,
          "an embedding of " + vector.length + " values; earlier rows had " + dimension);
    }
    if (seen.get(index)) {
      throw new EmbeddingsFormatException(
          name, place, "sample_index " + index + " again (first on line " + placeOf[index] + ")");
    }
    seen.set(index);
    placeOf[index] = at;
    rows.accept(index, vector);
  }

  private void requireEverySample() throws EmbeddingsFormatException {
    int missing = datasetSize - seen.cardinality();
    if (missing > 0) {
      int first = seen.nextClearBit(0);
      throw new EmbeddingsFormatException(
          name,
          "",
          "no embedding for sample "
              + first
              + (missing > 1 ? " (and " + (missing - 1) + " more samples)" : "")
              + "; every sample of the dataset needs one");
    }
  }

  private int sampleIndex(String text, String place) throws EmbeddingsFormatException {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new EmbeddingsFormatException(
          name, place, "sample_index '" + text + "' is not a whole number");
    }
  }

  private float number(String text, String place, String column) throws EmbeddingsFormatException {
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new EmbeddingsFormatException(
          name, place, "column " + column + ": '" + text + "' is not a number");
    }
    return finite(value, place, "column " + column);
  }

  /** The value as a float, refused when it is not finite or beyond half precision's range. */
  private float finite(double value, String place, String field) throws EmbeddingsFormatException {
    if (!Double.isFinite(value)) {
      throw new EmbeddingsFormatException(name, place, field + " is not a finite number");
    }
    if (Math.abs(value) > HALF_MAX) {
      throw new EmbeddingsFormatException(
          name,
          place,
          field
              + " is "
              + value
              + ", beyond ±65,504 (vectors are stored in half precision); scale them down");
    }
    return (float) value;
  }
}
