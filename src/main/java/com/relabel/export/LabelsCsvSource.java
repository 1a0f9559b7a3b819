package com.relabel.export;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * An image folder or ZIP: {@code labels.csv} with {@code file,label}, to lay over the team's own
 * folder (the images themselves are theirs already).
 */
final class LabelsCsvSource implements SourceFormat {

  @Override
  public boolean fits(Dataset dataset, boolean hasFileNames) {
    return dataset.getKind() == DatasetKind.IMAGE && hasFileNames;
  }

  @Override
  public String fileSuffix() {
    return "-labels.csv";
  }

  @Override
  public void write(Dataset dataset, List<String> classes, JdbcTemplate jdbc, OutputStream out)
      throws IOException {
    Writer csv = SourceFormat.text(out);
    csv.write("file,label\n");
    jdbc.query(
        "select s.external_id, s.current_label from sample s where s.dataset_id = ?" + KEPT,
        (RowCallbackHandler)
            rs ->
                Lines.write(
                    csv,
                    Csv.field(rs.getString(1)) + "," + Csv.field(classes.get(rs.getInt(2))) + "\n"),
        dataset.getId());
    csv.flush();
  }
}
