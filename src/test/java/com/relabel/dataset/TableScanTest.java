package com.relabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature tables: column types, encodings, empty cells, and each refusal naming file, line, column.
 */
class TableScanTest {

  @TempDir Path dir;

  private Path file(String content) throws IOException {
    return Files.writeString(dir.resolve("t.csv"), content, StandardCharsets.UTF_8);
  }

  private TableScan scan(String content, TableOptions options) throws IOException {
    return TableScan.of(file(content), "t.csv", options);
  }

  @Test
  void learnsNumericAndCategoricalColumnsWithTheirEmptyCells() throws IOException {
    TableScan scan =
        scan(
            "\uFEFFid,age,colour,label,zip\n"
                + "a,20,red,yes,101\n"
                + "b,,blue,no,102\n"
                + "c,40,,yes,101\n"
                + "d,NA,red,no,102\n",
            new TableOptions("label", "id", Set.of("ZIP")));

    TableSchema schema = scan.schema();
    assertThat(scan.rows()).isEqualTo(4);
    assertThat(scan.classes().names()).containsExactly("no", "yes");
    assertThat(schema.header()).containsExactly("id", "age", "colour", "label", "zip");
    assertThat(schema.label()).isEqualTo(3);
    assertThat(schema.id()).isZero();
    TableColumn age = schema.features().get(0);
    assertThat(age.numeric()).isTrue();
    assertThat(age.mean()).isEqualTo(30.0, within(1e-9));
    assertThat(age.spread()).isEqualTo(10.0, within(1e-9));
    assertThat(age.hasMissing()).isTrue();
    assertThat(schema.features().get(1).levels()).containsExactly("blue", "red", "(missing)");
    assertThat(schema.features().get(2).levels()).containsExactly("101", "102");
    // age (value, missing), colour (3 levels), zip (2 levels)
    assertThat(schema.width()).isEqualTo(7);
    assertThat(schema.encode(List.of("b", "", "blue", "no", "102")))
        .containsExactly(0f, 1f, 1f, 0f, 0f, 0f, 1f);
    assertThat(schema.encode(List.of("c", "40", "", "yes", "101")))
        .containsExactly(1f, 0f, 0f, 0f, 1f, 1f, 0f);
  }

  @Test
  void theSchemaSurvivesItsJson() throws IOException {
    TableSchema schema = scan("x,label,c\n1,a,u\n2,b,\n", TableOptions.standard()).schema();

    assertThat(TableSchema.fromJson(schema.toJson())).isEqualTo(schema);
  }

  @Test
  void refusesABadNumberNamingTheLineColumnAndTheFirstValue() {
    assertThatThrownBy(() -> scan("x,label\n1.5,a\n2,b\n5x,a\n", TableOptions.standard()))
        .hasMessageStartingWith("t.csv, line 4, column 'x': '5x' is not a number");
    assertThatThrownBy(() -> scan("x,label\n1.5,a\n2,b\nabc,a\n", TableOptions.standard()))
        .hasMessage(
            "t.csv, line 4, column 'x': 'abc' is not a number, and the column is numeric since"
                + " line 2 ('1.5'); mark it categorical if it holds categories");
  }

  @Test
  void refusesARaggedRow() {
    assertThatThrownBy(() -> scan("x,y,label\n1,2,a\n3,b\n", TableOptions.standard()))
        .hasMessage("t.csv, line 3: 2 cells where the header has 3 (missing cell?)");
  }

  @Test
  void refusesAnUnknownLabelColumn() {
    assertThatThrownBy(() -> scan("x,y,class\n1,2,a\n", new TableOptions("target", null, null)))
        .hasMessage(
            "t.csv, line 1: no label column 'target' in the header [x, y, class];"
                + " name the column that holds the labels");
  }

  @Test
  void refusesOneClass() {
    assertThatThrownBy(() -> scan("x,label\n1,a\n2,a\n", TableOptions.standard()))
        .hasMessageStartingWith("t.csv: fewer than 2 classes (labels found: [a])");
  }

  @Test
  void refusesTooManyCategories() {
    var csv = new StringBuilder("colour,label\n");
    for (int i = 0; i <= TableScan.MAX_LEVELS; i++) {
      csv.append("c").append(i).append(',').append(i % 2).append('\n');
    }
    assertThatThrownBy(() -> scan(csv.toString(), TableOptions.standard()))
        .hasMessageStartingWith(
            "t.csv, line 102, column 'colour': 'c100' is one distinct value too many:"
                + " a categorical column may have at most 100");
  }

  @Test
  void refusesAnEmptyLabelAndARepeatedId() {
    assertThatThrownBy(() -> scan("x,label\n1,a\n2, \n", TableOptions.standard()))
        .hasMessage("t.csv, line 3, column 'label': no label");
    assertThatThrownBy(
            () -> scan("k,x,label\n7,1,a\n8,2,b\n7,3,a\n", new TableOptions(null, "k", null)))
        .hasMessage("t.csv, line 4, column 'k': the id '7' is on line 2 too");
  }

  @Test
  void aTableOverTheDecodedQuotaIsRefusedByItsFileOrItsEncodedFeatures() throws IOException {
    Path csv = file("x,colour,label\n1,red,a\n2,blue,b\n3,green,a\n");
    var small = new TableImport(null, ImportLimits.DEFAULT.with(20, 40_000_000));
    assertThatThrownBy(() -> small.importFile("t", csv, "t.csv", TableOptions.standard()))
        .hasMessage(
            "t.csv: 42 bytes, more than the limit of 20 bytes per import"
                + " (relabel.import.max-decoded-bytes); nothing was imported");
    // ten distinct colours: 10 rows of 10 one-hot features take 200 bytes, the file 63 bytes
    var many = new StringBuilder("colour,label\n");
    for (int i = 0; i < 10; i++) {
      many.append("c").append(i).append(i % 2 == 0 ? ",a\n" : ",b\n");
    }
    Path wide = Files.writeString(dir.resolve("wide.csv"), many);
    var tight = new TableImport(null, ImportLimits.DEFAULT.with(100, 40_000_000));
    assertThatThrownBy(() -> tight.importFile("t", wide, "wide.csv", TableOptions.standard()))
        .hasMessage(
            "wide.csv: 10 rows of 10 features take 200 bytes once decoded, more than the limit of"
                + " 100 bytes per import (relabel.import.max-decoded-bytes); nothing was imported");
  }

  @Test
  void storedRowsGiveTheCellsBack() {
    List<String> cells = List.of("a,b", "say \"hi\"", "", "two\nlines");

    assertThat(TableRows.cells(TableRows.line(cells))).isEqualTo(cells);
  }

  @Test
  void aColumnEmptyOnEveryRowIsLeftOutOfTheFeaturesAndNamed() throws IOException {
    TableScan scan =
        scan(
            "id,age,note,kind,label\n" + "a,20,,,yes\n" + "b,40,NA,,no\n",
            new TableOptions("label", "id", Set.of("kind")));

    assertThat(scan.schema().features()).extracting(TableColumn::name).containsExactly("age");
    assertThat(scan.emptyColumns()).containsExactly("note", "kind");
    assertThat(scan.schema().width()).isEqualTo(1);
    assertThat(TableImport.withNote("t.csv", scan.emptyColumns()))
        .isEqualTo("t.csv (left out, empty on every row: note, kind)");
  }

  @Test
  void aTableWhoseEveryFeatureColumnIsEmptyIsRefused() throws IOException {
    Path onlyEmpty = file("id,note,label\na,,yes\nb,,no\n");

    assertThatThrownBy(
            () -> TableImport.scan(onlyEmpty, "t.csv", new TableOptions("label", "id", Set.of())))
        .isInstanceOf(TextFormatException.class)
        .hasMessage("t.csv, line 1: no feature column has a value (empty on every row: note)");
  }

  @Test
  void aValueSpelledLikeTheMissingLevelStaysALevelApartFromEmptyCells() throws IOException {
    TableScan scan =
        scan(
            "colour,label\n" + "(missing),yes\n" + "red,no\n" + ",yes\n",
            new TableOptions("label", null, Set.of("colour")));

    TableSchema schema = scan.schema();
    assertThat(schema.features().get(0).levels()).containsExactly("(missing)", "red", "(missing)");
    assertThat(schema.encode(List.of("(missing)", "yes"))).containsExactly(1f, 0f, 0f);
    assertThat(schema.encode(List.of("", "yes"))).containsExactly(0f, 0f, 1f);
  }
}
