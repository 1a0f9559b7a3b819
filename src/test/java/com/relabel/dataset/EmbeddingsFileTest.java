package com.relabel.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Own embeddings in CSV, JSON Lines and NumPy: read row by row, every problem named in place. */
class EmbeddingsFileTest {

  /** {@code numpy.save} of {@code [[1.5, -2], [3, 4], [0.25, 7]]} as float64. */
  private static final String NPY_F8 =
      "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsIDIpLCB9"
          + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4"
          + "PwAAAAAAAADAAAAAAAAACEAAAAAAAAAQQAAAAAAAANA/AAAAAAAAHEA=";

  /** The same as float16. */
  private static final String NPY_F2 =
      "k05VTVBZAQB2AHsnZGVzY3InOiAnPGYyJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsIDIpLCB9"
          + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAPgDAAEIA"
          + "RAA0AEc=";

  /** A 3 x 3 float32 array in Fortran order. */
  private static final String NPY_FORTRAN =
      "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMywgMyksIH0g"
          + "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAMA/AABA"
          + "QAAAgD4AAADAAACAQAAA4EAAAIA/AACAPwAAgD8=";

  @TempDir Path dir;

  @Test
  void readsTheSameVectorsFromCsvJsonLinesAndNumpy() throws IOException {
    Path csv = text("v.csv", "sample_index,e0,e1\n2,0.25,7\n0,1.5,-2\n1,3,4\n");
    Path jsonl =
        text(
            "v.jsonl",
            "{\"sample_index\":1,\"embedding\":[3,4]}\n\n"
                + "{\"sample_index\":0,\"embedding\":[1.5,-2.0]}\n"
                + "{\"sample_index\":2,\"embedding\":[0.25,7]}\n");
    Path npy = Files.write(dir.resolve("v.npy"), Base64.getDecoder().decode(NPY_F8));
    Path written = dir.resolve("w.npy");
    try (var w = new NpyWriter(written, 3, 2)) {
      w.write(new float[] {1.5f, -2});
      w.write(new float[] {3, 4});
      w.write(new float[] {0.25f, 7});
    }

    for (Path file : new Path[] {csv, jsonl, npy, written}) {
      Map<Integer, float[]> read = new HashMap<>();
      int dimension = EmbeddingsFile.read(file, "x", 3, read::put);
      assertThat(dimension).as(file.toString()).isEqualTo(2);
      assertThat(read.get(0)).as(file.toString()).containsExactly(1.5f, -2f);
      assertThat(read.get(1)).containsExactly(3f, 4f);
      assertThat(read.get(2)).containsExactly(0.25f, 7f);
    }
  }

  @Test
  void everyProblemIsNamedWithTheFileTheLineOrRowAndTheField() throws IOException {
    refused("sample_index,e0\n0,1\n", 2, "my.csv: no embedding for sample 1;");
    refused("sample_index,e0,e1\n0,1,2\n1,3\n", 2, "my.csv, line 3: 2 fields, the header has 3");
    refused(
        "sample_index,e0,e1\n0,1,2\n1,3,abc\n",
        2,
        "my.csv, line 3: column e1: 'abc' is not a number");
    refused("sample_index,e0\n0,NaN\n1,1\n", 2, "my.csv, line 2: column e0 is not a finite");
    refused("sample_index,e0\n0,1e6\n1,1\n", 2, "my.csv, line 2: column e0 is 1000000.0, beyond");
    refused(
        "sample_index,e0\n0,1\n1,2\n0,3\n",
        2,
        "my.csv, line 4: sample_index 0 again (first on line 2)");
    refused(
        "sample_index,e0\n0,1\n5,2\n",
        2,
        "my.csv, line 3: sample_index 5 is not in the dataset (0 to 1)");
    refused("sample_index,x0\n0,1\n", 1, "my.csv, line 1: column 2 is 'x0', expected e0");
    refused("index,e0\n0,1\n", 1, "my.csv, line 1: the first column must be sample_index");
    refused(
        "{\"sample_index\":0,\"embedding\":[1,2]}\n{\"sample_index\":1,\"embedding\":[1]}\n",
        2,
        "my.csv, line 2: an embedding of 1 values; earlier rows had 2");
    refused(
        "{\"sample_index\":0,\"embedding\":[1,\"2\"]}\n",
        1,
        "my.csv, line 1: embedding[1] is not a number: \"2\"");
    refused("{\"sample_index\":0}\n", 1, "my.csv, line 1: no embedding array");
    refused("{\"sample_index\":0,\n", 1, "my.csv, line 1: not JSON");
  }

  @Test
  void numpyFilesOfAnotherTypeShapeOrOrderAreRefused() throws IOException {
    assertThatThrownBy(() -> EmbeddingsFile.read(npy(NPY_F2), "v.npy", 3, (i, v) -> {}))
        .hasMessageStartingWith("v.npy: elements of type '<f2'; save the array as float32");
    assertThatThrownBy(() -> EmbeddingsFile.read(npy(NPY_FORTRAN), "v.npy", 3, (i, v) -> {}))
        .hasMessageStartingWith("v.npy: a Fortran-order array");
    assertThatThrownBy(() -> EmbeddingsFile.read(npy(NPY_F8), "v.npy", 4, (i, v) -> {}))
        .hasMessage("v.npy: 3 rows, but the dataset has 4 samples (row i = sample i)");
    byte[] whole = Base64.getDecoder().decode(NPY_F8);
    Path cut =
        Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(whole, whole.length - 4));
    assertThatThrownBy(() -> EmbeddingsFile.read(cut, "cut.npy", 3, (i, v) -> {}))
        .hasMessage("cut.npy, row 2: the file ends; the header promises 3 rows");
    Path nan = dir.resolve("nan.npy");
    try (var w = new NpyWriter(nan, 2, 2)) {
      w.write(new float[] {1, 2});
      w.write(new float[] {3, Float.POSITIVE_INFINITY});
    }
    assertThatThrownBy(() -> EmbeddingsFile.read(nan, "nan.npy", 2, (i, v) -> {}))
        .hasMessage("nan.npy, row 1: column 1 is not a finite number");
  }

  private void refused(String content, int datasetSize, String message) throws IOException {
    Path file = text("my.csv", content);
    assertThatThrownBy(() -> EmbeddingsFile.read(file, "my.csv", datasetSize, (i, v) -> {}))
        .isInstanceOf(EmbeddingsFormatException.class)
        .hasMessageStartingWith(message);
  }

  private Path npy(String base64) throws IOException {
    return Files.write(dir.resolve("v.npy"), Base64.getDecoder().decode(base64));
  }

  private Path text(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
