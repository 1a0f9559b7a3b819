package com.relabel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A predictions CSV is read as every CSV file here is: RFC 4180 quotes, CRLF, a byte-order mark.
 */
class PredictionsFileTest {

  private static final List<String> CLASSES = List.of("big, \"wild\" cat", "dog");

  @TempDir Path dir;

  @Test
  void aQuotedHeaderWithCommasAndQuotesAndCrlfLineEndsIsReadByClassName() throws IOException {
    Path file =
        write(
            "excel.csv",
            "\uFEFF\"sample_index\",\"dog\",\"big, \"\"wild\"\" cat\",\"emb_0\"\r\n"
                + "0,0.25,0.75,1.5\r\n"
                + "\r\n"
                + "\"1\",\"0.9\",\"0.1\",-2\r\n");

    var predictions = PredictionsFile.read(file, CLASSES, new int[] {0, 1}, 2);

    assertThat(predictions.probabilities()[0]).containsExactly(0.75f, 0.25f);
    assertThat(predictions.probabilities()[1]).containsExactly(0.1f, 0.9f);
    assertThat(predictions.embeddings()).isDeepEqualTo(new float[][] {{1.5f}, {-2f}});
  }

  @Test
  void errorsNameTheFileAndTheLineTheRecordStartsOn() throws IOException {
    String header = "sample_index,a,b\r\n";
    List<String> classes = List.of("a", "b");

    assertRefused(
        write("open.csv", header + "0,0.5,0.5\r\n1,\"0.5,0.5\r\n"),
        classes,
        "open.csv, line 3: a quoted field is never closed");
    assertRefused(
        write("quote.csv", header + "0,0.5,0.5\r\n1,0\"5,0.5\r\n"),
        classes,
        "quote.csv, line 3: a quote inside an unquoted field (quote the whole field)");
    assertRefused(
        write("fields.csv", header + "0,\"0.5\r\n\",0.5\r\n1,0.5,0.5,0\r\n"),
        classes,
        "fields.csv, line 4: 4 fields, the header has 3");
    assertRefused(
        write("number.csv", header + "0,0.5,0.5\r\n1,x,0.5\r\n"),
        classes,
        "number.csv, line 3: column a: 'x' is not a finite number");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertRefused(Path file, List<String> classes, String message) {
    assertThatThrownBy(() -> PredictionsFile.read(file, classes, new int[] {0, 1}, 2))
        .isInstanceOf(PredictionsFormatException.class)
        .hasMessage(message);
  }
}
