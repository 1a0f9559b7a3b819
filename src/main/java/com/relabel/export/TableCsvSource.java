package com.relabel.export;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
import com.relabel.dataset.TableRows;
import com.relabel.dataset.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Feature tables: the same CSV back, its columns in their order and every cell as it was, with the
 * current class name in the label column (decision 0045).
 */
final class TableCsvSource implements SourceFormat {

  @Override
  public boolean fits(Dataset dataset, boolean hasFileNames) {
    return dataset.getKind() == DatasetKind.FEATURES;
  }

  @Override
  public void write(Dataset dataset, List<String> classes, JdbcTemplate jdbc, OutputStream out)
      throws IOException {
    TableSchema schema =
        TableSchema.fromJson(
            jdbc.queryForObject(
                "select table_schema from dataset where id = ?", String.class, dataset.getId()));
    Writer text = SourceFormat.text(out);
    text.write(TableRows.line(schema.header()) + "\n");
    jdbc.query(
        "select c.text_body, s.current_label from sample s join sample_content c"
            + " on c.sample_id = s.id where s.dataset_id = ?"
            + KEPT,
        (RowCallbackHandler)
            rs -> {
              List<String> cells = new ArrayList<>(TableRows.cells(rs.getString(1)));
              cells.set(schema.label(), classes.get(rs.getInt(2)));
              Lines.write(text, TableRows.line(cells) + "\n");
            },
        dataset.getId());
    text.flush();
  }
}
