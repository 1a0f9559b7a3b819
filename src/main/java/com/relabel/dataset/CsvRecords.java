package com.relabel.dataset;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time: fields separated by commas, records by LF or CRLF, a field
 * in double quotes may hold commas, line breaks and doubled quotes ({@code ""}). A quote inside an
 * unquoted field, text after a closing quote and a quote left open at the end of the file are
 * refused with the line they are on. Text imports and imported predictions ({@code
 * training.PredictionsFile}) read their CSV files through it.
 */
public final class CsvRecords {

  private static final int EOF = -1;

  private final Reader in;
  private final String fileName;
  private int line = 1;
  private int recordLine;
  private int pushedBack = -2;

  /** Records of {@code in}; {@code fileName} names the file in the errors. */
  public CsvRecords(Reader in, String fileName) {
    this.in = in;
    this.fileName = fileName;
  }

  /** The 1-based line the reader is on now. */
  int line() {
    return line;
  }

  /** The 1-based line the record last returned by {@link #next()} started on. */
  public int recordLine() {
    return recordLine;
  }

  /**
   * The next record's fields, or {@code null} at the end of the file.
   *
   * @throws TextFormatException naming the file and line of a malformed quote
   */
  public List<String> next() throws IOException {
    int c = read();
    if (c == EOF) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    var field = new StringBuilder();
    while (true) {
      if (c == '"' && field.isEmpty()) {
        c = quoted(field);
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
          if (c == '"') {
            throw error(line, "a quote inside an unquoted field (quote the whole field)");
          }
          append(field, c);
          c = read();
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\r') {
        int n = read();
        if (n != '\n') {
          unread(n);
        }
      }
      if (c != EOF) {
        line++;
      }
      return fields;
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after the closing one. */
  private int quoted(StringBuilder field) throws IOException {
    int opened = line;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw error(opened, "a quoted field is never closed");
      }
      if (c == '"') {
        int n = read();
        if (n == '"') {
          field.append('"');
          continue;
        }
        if (n != ',' && n != '\n' && n != '\r' && n != EOF) {
          throw error(line, "text after a closing quote (write a quote inside a field as \"\")");
        }
        return n;
      }
      if (c == '\n') {
        line++;
      }
      append(field, c);
    }
  }

  private void append(StringBuilder field, int c) throws TextFormatException {
    if (field.length() > TextFileReader.MAX_TEXT_CHARS) {
      throw error(
          recordLine,
          String.format(
              "a field longer than %,d characters (a quote never closed?)",
              TextFileReader.MAX_TEXT_CHARS));
    }
    field.append((char) c);
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    pushedBack = c;
  }

  private TextFormatException error(int at, String problem) {
    return new TextFormatException(fileName, at, problem);
  }
}
