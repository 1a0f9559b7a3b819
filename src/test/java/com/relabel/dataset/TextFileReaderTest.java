package com.relabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV (RFC 4180) and JSONL text files: what is read, and each refusal naming file and line. */
class TextFileReaderTest {

  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<TextRecord> read(Path file) throws IOException {
    List<TextRecord> out = new ArrayList<>();
    TextFileReader.read(file, out::add);
    return out;
  }

  @Test
  void readsQuotedCsvFieldsWithCommasQuotesAndNewlinesInAnyColumnOrder() throws IOException {
    Path csv =
        file(
            "t.csv",
            "label,text\r\n"
                + "spam,\"buy now, cheap\"\r\n"
                + "ham,\"she said \"\"hi\"\"\nand left\"\n"
                + "ham,plain text\n");

    List<TextRecord> records = read(csv);

    assertThat(records)
        .containsExactly(
            new TextRecord(2, "2", "buy now, cheap", "spam"),
            new TextRecord(3, "3", "she said \"hi\"\nand left", "ham"),
            new TextRecord(5, "5", "plain text", "ham"));
  }

  @Test
  void takesTheIdColumnAndSkipsAByteOrderMarkAndBlankLines() throws IOException {
    Path csv = file("t.csv", "\uFEFFid,text,label,extra\nA7,héllo wörld,1,x\n\nB8,ok,0,y");

    assertThat(read(csv))
        .containsExactly(
            new TextRecord(2, "A7", "héllo wörld", "1"), new TextRecord(4, "B8", "ok", "0"));
  }

  @Test
  void readsJsonlWithStringAndIntegerLabels() throws IOException {
    Path jsonl =
        file(
            "t.jsonl",
            "\uFEFF{\"text\": \"first\", \"label\": \"sports\"}\n\n"
                + "{\"label\": 3, \"text\": \"line\\nbreak\", \"id\": 42}\n");

    assertThat(read(jsonl))
        .containsExactly(
            new TextRecord(1, "1", "first", "sports"), new TextRecord(3, "42", "line\nbreak", "3"));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldNamesFileAndLine() throws IOException {
    Path csv = file("bad.csv", "text,label\nok,a\nsays \"hi\",b\n");

    assertThatThrownBy(() -> read(csv))
        .isInstanceOf(TextFormatException.class)
        .hasMessageStartingWith(csv + ", line 3: ")
        .hasMessageContaining("quote");
  }

  @Test
  void aQuoteNeverClosedNamesTheLineItOpenedOn() throws IOException {
    Path csv = file("bad.csv", "text,label\nok,a\n\"never closed,b\nmore\n");

    assertThatThrownBy(() -> read(csv))
        .hasMessage(csv + ", line 3: a quoted field is never closed");
  }

  @Test
  void textAfterAClosingQuoteIsRefused() throws IOException {
    Path csv = file("bad.csv", "text,label\n\"ab\"c,a\n");

    assertThatThrownBy(() -> read(csv)).hasMessageStartingWith(csv + ", line 2: text after");
  }

  @Test
  void aMissingFieldNamesFileAndLine() throws IOException {
    Path csv = file("bad.csv", "text,label\nok,a\nno label here\n");

    assertThatThrownBy(() -> read(csv))
        .hasMessageStartingWith(csv + ", line 3: 1 fields where the header has 2");
  }

  @Test
  void aHeaderWithoutTextOrLabelIsRefused() throws IOException {
    Path csv = file("bad.csv", "sentence,label\nok,a\n");

    assertThatThrownBy(() -> read(csv))
        .hasMessageStartingWith(csv + ", line 1: the header must name a 'text' and a 'label'");
  }

  @Test
  void emptyTextAndMissingLabelAreRefused() throws IOException {
    Path empty = file("empty.csv", "text,label\nok,a\n  ,b\n");
    Path noLabel = file("nolabel.jsonl", "{\"text\":\"x\",\"label\":\"a\"}\n{\"text\":\"y\"}\n");

    assertThatThrownBy(() -> read(empty)).hasMessage(empty + ", line 3: empty text");
    assertThatThrownBy(() -> read(noLabel))
        .hasMessageStartingWith(noLabel + ", line 2: missing field \"label\"");
  }

  @Test
  void badJsonAndWrongTypesNameFileAndLine() throws IOException {
    Path bad = file("bad.jsonl", "{\"text\":\"x\",\"label\":1}\n{\"text\": \"y\", label: 2}\n");
    Path floatLabel = file("float.jsonl", "{\"text\":\"x\",\"label\":1.5}\n");
    Path array = file("array.jsonl", "[1, 2]\n");

    assertThatThrownBy(() -> read(bad)).hasMessageStartingWith(bad + ", line 2: not valid JSON");
    assertThatThrownBy(() -> read(floatLabel))
        .hasMessageStartingWith(floatLabel + ", line 1: missing field \"label\"")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> read(array)).hasMessageStartingWith(array + ", line 1: expected");
  }

  @Test
  void aTextOverTheSizeLimitIsRefusedWithItsLength() throws IOException {
    String big = "a".repeat(TextFileReader.MAX_TEXT_CHARS + 1);
    Path jsonl = file("big.jsonl", "{\"text\":\"" + big + "\",\"label\":\"a\"}\n");

    assertThatThrownBy(() -> read(jsonl))
        .hasMessage(jsonl + ", line 1: the text has 1,000,001 characters; at most 1,000,000 fit");
  }

  @Test
  void invalidUtf8IsRefused() throws IOException {
    Path csv = dir.resolve("latin1.csv");
    Files.write(
        csv,
        new byte[] {'t', 'e', 'x', 't', ',', 'l', 'a', 'b', 'e', 'l', '\n', (byte) 0xe9, ',', 'a'});

    assertThatThrownBy(() -> read(csv)).hasMessageContaining("not valid UTF-8");
  }

  @Test
  void anUnknownExtensionIsRefused() throws IOException {
    Path txt = file("data.txt", "text,label\n");

    assertThatThrownBy(() -> read(txt)).hasMessageContaining("must end in .csv or .jsonl");
  }

  @Test
  void classesAreSortedByNameOrByValueWhenAllAreIntegers() throws IOException {
    assertThat(TextClasses.of(Set.of("sports", "arts", "news"), "f").names())
        .containsExactly("arts", "news", "sports");
    assertThat(TextClasses.of(Set.of("10", "2", "-1"), "f").names())
        .containsExactly("-1", "2", "10");
    assertThat(TextClasses.of(Set.of("10", "2", "b"), "f").names()).containsExactly("10", "2", "b");
    assertThatThrownBy(() -> TextClasses.of(Set.of("only"), "f.csv"))
        .isInstanceOf(TextFormatException.class)
        .hasMessageStartingWith("f.csv: fewer than 2 classes");
  }
}
