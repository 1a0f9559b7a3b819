package com.relabel.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature table read without a database (the headless {@code relabel score --table} and {@code
 * relabel bench --table}): every row encoded as an import encodes it (decision 0045), as what the
 * MLP learns from and as the neighbour space.
 *
 * @param features the encoded rows as 1 x d "images", standardised per feature, with the labels
 * @param vectors the encoded rows, in file order
 * @param classNames the class names, indexed by class
 */
public record EncodedTable(LabeledImages features, float[][] vectors, List<String> classNames) {

  /**
   * Reads and checks {@code file} twice, as an import does.
   *
   * @throws TextFormatException naming the file, line and column of the first problem
   */
  public static EncodedTable read(Path file, TableOptions options) throws IOException {
    String name = file.getFileName().toString();
    TableScan scan = TableImport.scan(file, name, options);
    TableSchema schema = scan.schema();
    List<float[]> vectors = new ArrayList<>(scan.rows());
    int[] labels = new int[scan.rows()];
    TableFileReader.read(
        file,
        name,
        options,
        header -> {},
        (line, cells, id) -> {
          labels[vectors.size()] = scan.classes().indexOf(cells.get(schema.label()).trim());
          vectors.add(schema.encode(cells));
        });
    float[][] rows = vectors.toArray(float[][]::new);
    return new EncodedTable(
        OwnEmbeddings.asFeatures(rows, labels, scan.classes().size()),
        rows,
        scan.classes().names());
  }
}
