package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.Dataset;
import com.relabel.dataset.DatasetService;
import com.relabel.dataset.IdxImport;
import com.relabel.dataset.IdxWriter;
import com.relabel.dataset.ImageFolderFixture;
import com.relabel.dataset.ImageFolderImport;
import com.relabel.dataset.ImageSizePolicy;
import com.relabel.dataset.TextImport;
import com.relabel.export.SourceFormatExport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A dataset goes back out in the format it came in, with the corrected labels and without the
 * excluded samples, and the same importer reads it back: IDX, a text file, an image folder.
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:source-export;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.enabled=false"
    })
class SourceFormatExportTest {

  @Autowired IdxImport idx;
  @Autowired TextImport text;
  @Autowired ImageFolderImport folders;
  @Autowired DatasetService datasets;
  @Autowired SourceFormatExport export;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  @BeforeEach
  void login() {
    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
  }

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void idxComesBackAsAZipOfIdxFilesThatImportsAgain() throws IOException {
    IdxWriter.write(TestDatasets.mnist(50), dir.resolve("im.idx"), dir.resolve("lb.idx"));
    Dataset original = idx.importFiles("idx-out", dir.resolve("im.idx"), dir.resolve("lb.idx"), 10);
    int[] expected = correctAndExclude(original.getId(), 10);
    assertThat(export.format(original.getId()).fileName()).isEqualTo("idx-out-idx.zip");

    Path out = dir.resolve("out");
    unzip(bytes(original.getId()), out);
    assertThat(Files.readAllLines(out.resolve("sample-index.txt"))).hasSize(49).doesNotContain("7");
    Dataset back =
        idx.importFiles(
            "idx-back", out.resolve("images-idx3-ubyte"), out.resolve("labels-idx1-ubyte"), 10);

    assertThat(currentLabels(back.getId())).containsExactly(expected);
    assertThat(pixels(back.getId(), 7)).isEqualTo(pixels(original.getId(), 8));
  }

  @Test
  void textComesBackAsCsvWithClassNames() throws IOException {
    List<String> rows = new ArrayList<>(List.of("id,text,label"));
    for (int i = 0; i < 30; i++) {
      rows.add("t" + i + ",\"words, " + i + "\",topic-" + (i % 3));
    }
    Dataset original =
        text.importFile("text-out", Files.write(dir.resolve("in.csv"), rows), "in.csv");
    int[] expected = correctAndExclude(original.getId(), 3);

    Path csv = Files.write(dir.resolve("back.csv"), bytes(original.getId()));
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(30).first().isEqualTo("id,text,label");
    assertThat(lines.get(1)).isEqualTo("t0,\"words, 0\",topic-" + expected[0]);
    Dataset back = text.importFile("text-back", csv, "back.csv");

    assertThat(currentLabels(back.getId())).containsExactly(expected);
  }

  @Test
  void anImageFolderComesBackAsALabelsCsvToLayOverTheFolder() throws IOException {
    Path folder = dir.resolve("pets");
    var random = new Random(3);
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 6; i++) {
        ImageFolderFixture.write(
            folder.resolve("class-" + k).resolve(i + ".png"),
            ImageFolderFixture.classImage(k, 3, 12, random),
            "png");
      }
    }
    Dataset original =
        folders.importFolder("folder-out", folder, ImageSizePolicy.automatic()).dataset();
    int[] expected = correctAndExclude(original.getId(), 3);
    assertThat(export.format(original.getId()).fileName()).isEqualTo("folder-out-labels.csv");

    List<String> lines =
        Files.readAllLines(Files.write(folder.resolve("labels.csv"), bytes(original.getId())));
    assertThat(lines).hasSize(18).first().isEqualTo("file,label");
    String excluded =
        jdbc.queryForObject(
            "select external_id from sample where dataset_id = ? and status = 'EXCLUDED'",
            String.class,
            original.getId());
    Files.delete(folder.resolve(excluded));
    Dataset back =
        folders.importFolder("folder-back", folder, ImageSizePolicy.automatic()).dataset();

    assertThat(currentLabels(back.getId())).containsExactly(expected);
  }

  /**
   * Corrects sample 0 to the next class, excludes sample 7; returns the labels expected back, in
   * sample order, without sample 7.
   */
  private int[] correctAndExclude(long datasetId, int classes) {
    jdbc.update(
        "update sample set current_label = mod(current_label + 1, ?), status = 'CORRECTED'"
            + " where dataset_id = ? and sample_index = 0",
        classes,
        datasetId);
    jdbc.update(
        "update sample set status = 'EXCLUDED' where dataset_id = ? and sample_index = 7",
        datasetId);
    return jdbc
        .queryForList(
            "select current_label from sample where dataset_id = ? and status <> 'EXCLUDED'"
                + " order by sample_index",
            Integer.class,
            datasetId)
        .stream()
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private int[] currentLabels(long datasetId) {
    return jdbc
        .queryForList(
            "select current_label from sample where dataset_id = ? order by sample_index",
            Integer.class,
            datasetId)
        .stream()
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private byte[] pixels(long datasetId, int index) {
    return jdbc.queryForObject(
        "select c.pixels from sample s join sample_content c on c.sample_id = s.id"
            + " where s.dataset_id = ? and s.sample_index = ?",
        byte[].class,
        datasetId,
        index);
  }

  private byte[] bytes(long datasetId) throws IOException {
    var out = new ByteArrayOutputStream();
    export.write(datasetId, out);
    return out.toByteArray();
  }

  private static void unzip(byte[] zip, Path target) throws IOException {
    Files.createDirectories(target);
    try (var in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        try (OutputStream out = Files.newOutputStream(target.resolve(entry.getName()))) {
          in.transferTo(out);
        }
      }
    }
  }
}
