package com.relabel.demo;

import com.relabel.dataset.DatasetImporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's texts: 1,000 messages of the SpamAssassin corpus (Apache-2.0), drawn with a fixed seed
 * and cut to their first 1,000 characters by {@code tools/bench-data/spam-demo.py}, each with its
 * true label, ham or spam.
 */
record DemoTexts(List<String> ids, List<String> texts, List<String> labels) {

  static final String RESOURCE = "/demo/spam/spam-assassin-demo.jsonl.gz";
  static final String SOURCE = "SpamAssassin public corpus (Apache-2.0), 1,000 messages";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The first {@code limit} texts of the bundle (all of them when it has fewer). */
  static DemoTexts load(int limit) {
    var ids = new ArrayList<String>();
    var texts = new ArrayList<String>();
    var labels = new ArrayList<String>();
    try (InputStream raw = DemoTexts.class.getResourceAsStream(RESOURCE);
        var in =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null && ids.size() < limit; line = in.readLine()) {
        JsonNode node = JSON.readTree(line);
        ids.add(node.get("id").asString());
        texts.add(node.get("text").asString());
        labels.add(node.get("label").asString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the demo texts " + RESOURCE + " cannot be read", e);
    }
    return new DemoTexts(List.copyOf(ids), List.copyOf(texts), List.copyOf(labels));
  }

  /** The class names, sorted: the class index of a label is its position here. */
  List<String> classNames() {
    return labels.stream().distinct().sorted().toList();
  }

  int[] labelIndexes() {
    List<String> names = classNames();
    return labels.stream().mapToInt(names::indexOf).toArray();
  }

  /** Each text's true label with its id, in the file's order (the samples' order). */
  Iterator<DatasetImporter.Truth> truth() {
    return IntStream.range(0, ids.size())
        .mapToObj(i -> new DatasetImporter.Truth(ids.get(i), labels.get(i)))
        .iterator();
  }

  /**
   * Writes the texts as a JSON Lines file of the text import's format, sample #i labelled {@code
   * given[i]} (a class index).
   */
  Path write(Path file, int[] given) throws IOException {
    List<String> names = classNames();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < ids.size(); i++) {
        var row = new LinkedHashMap<String, String>();
        row.put("id", ids.get(i));
        row.put("text", texts.get(i));
        row.put("label", names.get(given[i]));
        out.write(JSON.writeValueAsString(row));
        out.write('\n');
      }
    }
    return file;
  }
}
