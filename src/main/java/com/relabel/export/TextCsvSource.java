package com.relabel.export;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** Text datasets: CSV {@code id,text,label} with class names, as a text CSV is imported. */
final class TextCsvSource implements SourceFormat {

  @Override
  public boolean fits(Dataset dataset, boolean hasFileNames) {
    return dataset.getKind() == DatasetKind.TEXT;
  }

  @Override
  public void write(Dataset dataset, List<String> classes, JdbcTemplate jdbc, OutputStream out)
      throws IOException {
    Writer text = SourceFormat.text(out);
    text.write("id,text,label\n");
    jdbc.query(
        "select coalesce(s.external_id, cast(s.sample_index as varchar(20))), c.text_body,"
            + " s.current_label from sample s join sample_content c on c.sample_id = s.id"
            + " where s.dataset_id = ?"
            + KEPT,
        (RowCallbackHandler)
            rs ->
                Lines.write(
                    text,
                    Csv.field(rs.getString(1))
                        + ","
                        + Csv.field(rs.getString(2))
                        + ","
                        + Csv.field(classes.get(rs.getInt(3)))
                        + "\n"),
        dataset.getId());
    text.flush();
  }
}
