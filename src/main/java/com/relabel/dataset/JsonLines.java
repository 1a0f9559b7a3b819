package com.relabel.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON Lines file of per-sample rows, as the embeddings and predictions files are: one JSON
 * object per line, blank lines skipped, each with an integer {@code sample_index}. A line that is
 * not JSON or has no such index is refused with the reader's own exception, naming the line; what
 * else a row holds is the reader's to check. Only one line is held at a time.
 */
public final class JsonLines {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** The refusal of line {@code line} (from 1) for {@code problem}. */
  @FunctionalInterface
  public interface Refusal<E extends Exception> {
    E at(int line, String problem);
  }

  /** Takes the row of line {@code line} (from 1) for sample {@code sampleIndex}. */
  @FunctionalInterface
  public interface Row<E extends Exception> {
    void accept(int line, int sampleIndex, JsonNode row) throws E, IOException;
  }

  private JsonLines() {}

  /**
   * The first character of {@code in} that is not white space, or -1 when there is none, left
   * unread: <code>'{'</code> starts a JSON Lines file.
   */
  public static int firstVisible(BufferedReader in) throws IOException {
    in.mark(1 << 16);
    int c;
    do {
      c = in.read();
    } while (c != -1 && Character.isWhitespace(c));
    in.reset();
    return c;
  }

  /** Reads every row of {@code in}, in order; stops at the first refusal. */
  public static <E extends Exception> void read(BufferedReader in, Refusal<E> refusal, Row<E> row)
      throws E, IOException {
    String text;
    int line = 0;
    while ((text = in.readLine()) != null) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (JacksonException e) {
        throw refusal.at(line, "not JSON: " + e.getOriginalMessage());
      }
      JsonNode index = node.get("sample_index");
      if (index == null || !index.canConvertToInt()) {
        throw refusal.at(line, "no integer sample_index");
      }
      row.accept(line, index.asInt(), node);
    }
  }
}
