package com.relabel.dataset;

import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The columns of an imported table (decision 0045): the header as it was, which column holds the
 * label and which the id, and how each other column is encoded. Stored as JSON in {@code
 * dataset.table_schema}, so that every row is encoded, shown and exported the same way later.
 *
 * @param header the file's column names, in order
 * @param label the position of the label column
 * @param id the position of the id column, or -1
 * @param features the feature columns, in file order
 */
public record TableSchema(List<String> header, int label, int id, List<TableColumn> features) {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  public TableSchema {
    header = List.copyOf(header);
    features = List.copyOf(features);
  }

  /** How many numbers a row becomes. */
  public int width() {
    return features.stream().mapToInt(TableColumn::width).sum();
  }

  /** A checked row's features. */
  float[] encode(List<String> cells) {
    float[] out = new float[width()];
    int at = 0;
    for (TableColumn c : features) {
      c.encode(cells.get(c.position()), out, at);
      at += c.width();
    }
    return out;
  }

  String toJson() {
    return JSON.writeValueAsString(this);
  }

  /** The schema stored in {@code dataset.table_schema}. */
  public static TableSchema fromJson(String json) {
    return JSON.readValue(json, TableSchema.class);
  }
}
