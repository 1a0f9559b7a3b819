package com.relabel.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the labelled texts of a text-classification file, one {@link TextRecord} at a time, so a
 * file of any size is never held in memory:
 *
 * <ul>
 *   <li>CSV (RFC 4180): a header row naming a {@code text} and a {@code label} column, in any order
 *       (an {@code id} column is optional, others are ignored), then one record per text;
 *   <li>JSONL: one JSON object per line with {@code "text"} and {@code "label"} (a string or an
 *       integer) and optionally {@code "id"}; blank lines are skipped.
 * </ul>
 *
 * UTF-8, an optional byte-order mark. Every problem is a {@link TextFormatException} naming the
 * file and the line.
 */
final class TextFileReader {

  /** The most characters one text may have (the size of {@code sample_content.text_body}). */
  public static final int MAX_TEXT_CHARS = 1_000_000;

  /** The most characters of a label (a class name) and of an id. */
  static final int MAX_LABEL_CHARS = 200;

  static final int MAX_ID_CHARS = 500;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The two text formats. */
  public enum Format {
    CSV,
    JSONL;

    /** The format a file's name says: {@code .csv}, or {@code .jsonl} / {@code .ndjson}. */
    public static Format of(Path file) throws TextFormatException {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv")) {
        return CSV;
      }
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        return JSONL;
      }
      throw new TextFormatException(
          file.getFileName().toString(),
          0,
          "not a text dataset: the name must end in .csv or .jsonl");
    }
  }

  /** Receives each record; may throw to stop the reading. */
  @FunctionalInterface
  public interface Sink {
    void accept(TextRecord record) throws IOException;
  }

  private TextFileReader() {}

  /** Reads {@code file} in the format its name says. */
  public static void read(Path file, Sink sink) throws IOException {
    read(file, Format.of(file), sink);
  }

  public static void read(Path file, Format format, Sink sink) throws IOException {
    read(file, file.toString(), format, sink);
  }

  /** Reads {@code file}, naming it {@code name} in errors (e.g. an upload's own file name). */
  public static void read(Path file, String name, Format format, Sink sink) throws IOException {
    try (Reader in = utf8(file)) {
      skipByteOrderMark(in);
      if (format == Format.CSV) {
        readCsv(new CsvRecords(in, name), name, sink);
      } else {
        readJsonl(new BufferedReader(in, 1 << 16), name, sink);
      }
    } catch (CharacterCodingException e) {
      throw new TextFormatException(name, 0, "not valid UTF-8 text");
    }
  }

  static Reader utf8(Path file) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
  }

  static void skipByteOrderMark(Reader in) throws IOException {
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
  }

  private static void readCsv(CsvRecords csv, String name, Sink sink) throws IOException {
    List<String> header = csv.next();
    if (header == null) {
      throw new TextFormatException(name, 0, "the file is empty; expected a header row");
    }
    int text = column(header, "text");
    int label = column(header, "label");
    int id = column(header, "id");
    if (text < 0 || label < 0) {
      throw new TextFormatException(
          name, 1, "the header must name a 'text' and a 'label' column, not " + header);
    }
    List<String> fields;
    while ((fields = nextCsv(csv, name)) != null) {
      int line = csv.recordLine();
      if (fields.size() == 1 && fields.getFirst().isEmpty()) {
        continue; // a blank line
      }
      if (fields.size() != header.size()) {
        throw new TextFormatException(
            name,
            line,
            fields.size() + " fields where the header has " + header.size() + " (missing field?)");
      }
      String externalId = id < 0 ? Integer.toString(line) : fields.get(id);
      sink.accept(checked(name, line, externalId, fields.get(text), fields.get(label).trim()));
    }
  }

  private static List<String> nextCsv(CsvRecords csv, String name) throws IOException {
    try {
      return csv.next();
    } catch (CharacterCodingException e) {
      throw new TextFormatException(name, csv.line(), "not valid UTF-8 text");
    }
  }

  private static int column(List<String> header, String wanted) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).trim().equalsIgnoreCase(wanted)) {
        return i;
      }
    }
    return -1;
  }

  private static void readJsonl(BufferedReader in, String name, Sink sink) throws IOException {
    String row;
    int line = 0;
    while ((row = nextLine(in, name, line + 1)) != null) {
      line++;
      if (row.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(row);
      } catch (JacksonException e) {
        throw new TextFormatException(name, line, "not valid JSON: " + e.getOriginalMessage());
      }
      if (node == null || !node.isObject()) {
        throw new TextFormatException(name, line, "expected a JSON object with text and label");
      }
      JsonNode text = node.get("text");
      if (text == null || !text.isString()) {
        throw new TextFormatException(name, line, "missing field \"text\" (a string)");
      }
      String label = jsonLabel(node.get("label"), name, line);
      JsonNode id = node.get("id");
      String externalId =
          id == null || id.isNull()
              ? Integer.toString(line)
              : id.isValueNode() ? id.asString() : null;
      if (externalId == null) {
        throw new TextFormatException(name, line, "\"id\" must be a string or a number");
      }
      sink.accept(checked(name, line, externalId, text.stringValue(), label));
    }
  }

  private static String nextLine(BufferedReader in, String name, int line) throws IOException {
    try {
      return in.readLine();
    } catch (CharacterCodingException e) {
      throw new TextFormatException(name, line, "not valid UTF-8 text");
    }
  }

  private static String jsonLabel(JsonNode label, String name, int line)
      throws TextFormatException {
    if (label != null && label.isString()) {
      return label.stringValue().trim();
    }
    if (label != null && label.isIntegralNumber()) {
      return label.bigIntegerValue().toString();
    }
    throw new TextFormatException(
        name, line, "missing field \"label\" (a string or an integer)" + foundLabel(label));
  }

  private static String foundLabel(JsonNode label) {
    return label == null ? "" : ", found " + label;
  }

  private static TextRecord checked(
      String name, int line, String externalId, String text, String label)
      throws TextFormatException {
    if (text.isBlank()) {
      throw new TextFormatException(name, line, "empty text");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw new TextFormatException(
          name,
          line,
          String.format(
              "the text has %,d characters; at most %,d fit", text.length(), MAX_TEXT_CHARS));
    }
    if (label.isEmpty()) {
      throw new TextFormatException(name, line, "missing label");
    }
    if (label.length() > MAX_LABEL_CHARS) {
      throw new TextFormatException(
          name, line, "the label is longer than " + MAX_LABEL_CHARS + " characters");
    }
    if (externalId.length() > MAX_ID_CHARS) {
      throw new TextFormatException(
          name, line, "the id is longer than " + MAX_ID_CHARS + " characters");
    }
    refuseNul(name, line, "text", text);
    refuseNul(name, line, "label", label);
    refuseNul(name, line, "id", externalId);
    return new TextRecord(line, externalId, text, label);
  }

  /**
   * Refuses a NUL character in a stored field: PostgreSQL cannot store it in text (H2 can), so both
   * refuse it here, before anything is written.
   */
  static void refuseNul(String name, int line, String field, String value)
      throws TextFormatException {
    if (value.indexOf('\0') >= 0) {
      throw new TextFormatException(
          name, line, "the " + field + " contains a NUL character (U+0000)");
    }
  }
}
