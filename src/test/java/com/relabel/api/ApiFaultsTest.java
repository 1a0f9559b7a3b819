package com.relabel.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.security.ApiTokens;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import com.relabel.support.TestAccounts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal of the REST API is a problem (RFC 9457) that says what to do, and leaves no dataset
 * behind (issue 13): an upload over the size limit (413), a full disk (507, made full where uploads
 * are written), a file or dataset name too long to store (400), a NUL character in a text file (400
 * on H2 and PostgreSQL alike: PostgreSQL cannot store it, H2 could).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:apifaults;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms",
      "relabel.security.active-check-period=0s",
      "spring.servlet.multipart.max-file-size=2MB"
    })
@Import(ApiFaultsTest.Disk.class)
class ApiFaultsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @Autowired FillingDisk disk;
  @TempDir Path dir;

  ApiClient api;

  /** The real upload folders, but the disk can be made full: a write stops half-way, ENOSPC. */
  static class FillingDisk extends UploadFolders {
    volatile boolean full;

    @Override
    void write(MultipartFile part, Path file) throws IOException {
      if (!full) {
        super.write(part, file);
        return;
      }
      try (InputStream in = part.getInputStream();
          OutputStream out = Files.newOutputStream(file)) {
        out.write(in.readNBytes((int) (part.getSize() / 2)));
        throw new IOException("No space left on device");
      }
    }
  }

  @TestConfiguration
  static class Disk {
    @Bean
    @Primary
    FillingDisk fillingDisk() {
      return new FillingDisk();
    }
  }

  @BeforeEach
  void token() {
    api =
        new ApiClient(
            port,
            new TestAccounts(accounts, tokens, securityContexts)
                .tokenOf("faults-" + System.nanoTime(), Role.ADMIN));
  }

  @AfterEach
  void emptyDisk() {
    disk.full = false;
  }

  @Test
  void anUploadOverTheSizeLimitIsA413ProblemThatSaysTheLimit() throws Exception {
    Path big = Files.write(dir.resolve("big.csv"), new byte[3 << 20]);
    long before = datasets();

    var reply = api.postForm("/api/v1/datasets/text", "name", "too-big", "file", big);

    assertThat(reply.status()).isEqualTo(413);
    assertProblem(
        reply,
        "the upload is larger than this server takes: at most 2 MB per file and 2 GB per request;"
            + " nothing was imported");
    assertThat(datasets()).isEqualTo(before);
  }

  @Test
  void aFullDiskIsA507ProblemAndNothingIsImported() throws Exception {
    Path texts = Files.writeString(dir.resolve("texts.csv"), csv(6, -1));
    long before = datasets();
    disk.full = true;

    var reply = api.postForm("/api/v1/datasets/text", "name", "no-room", "file", texts);

    assertThat(reply.status()).isEqualTo(507);
    assertProblem(
        reply,
        "the server is out of disk space; nothing was imported or saved. Tell its administrator");
    assertThat(datasets()).isEqualTo(before);
    disk.full = false;
    var later =
        api.postForm("/api/v1/datasets/text", "name", "room-" + System.nanoTime(), "file", texts);
    assertThat(later.status()).as(later.body()).isEqualTo(201);
  }

  @Test
  void aFileNameOf300CharactersIsRefusedNamingTheLimitAndSoIsADatasetName() throws Exception {
    String longName = "n".repeat(296) + ".csv";
    Path texts = Files.writeString(dir.resolve("texts.csv"), csv(6, -1));
    long before = datasets();

    // no file system here takes a name that long: the multipart part names it
    var named =
        new ByteArrayResource(Files.readAllBytes(texts)) {
          @Override
          public String getFilename() {
            return longName;
          }
        };
    var longFile = api.postForm("/api/v1/datasets/text", "name", "long-file", "file", named);
    assertThat(longFile.status()).isEqualTo(400);
    assertProblem(
        longFile,
        "the file name '"
            + "n".repeat(40)
            + "…' has 300 characters; at most 200 are allowed: rename the file");

    var longDataset = api.postForm("/api/v1/datasets/text", "name", "d".repeat(300), "file", texts);
    assertThat(longDataset.status()).isEqualTo(400);
    assertProblem(longDataset, "the dataset name must have 1 to 200 characters; it has 300");
    assertThat(datasets()).isEqualTo(before);
  }

  @Test
  void aNulCharacterInATextFileIsRefusedWithTheFileAndLine() throws Exception {
    Path texts = Files.writeString(dir.resolve("texts.csv"), csv(8, 7));
    Path jsonl =
        Files.writeString(
            dir.resolve("texts.jsonl"),
            "{\"text\":\"fine\",\"label\":\"a\"}\n{\"text\":\"also fine\",\"label\":\"b\\u0000c\"}\n");
    long before = datasets();

    var csv = api.postForm("/api/v1/datasets/text", "name", "nul-csv", "file", texts);
    assertThat(csv.status()).isEqualTo(400);
    assertProblem(csv, "texts.csv, line 7: the text contains a NUL character (U+0000)");

    var lines = api.postForm("/api/v1/datasets/text", "name", "nul-jsonl", "file", jsonl);
    assertThat(lines.status()).isEqualTo(400);
    assertProblem(lines, "texts.jsonl, line 2: the label contains a NUL character (U+0000)");

    Path fine = Files.writeString(dir.resolve("fine.csv"), csv(6, -1));
    var nulName = api.postForm("/api/v1/datasets/text", "name", "a\u0000b", "file", fine);
    assertThat(nulName.status()).isEqualTo(400);
    assertProblem(nulName, "the dataset name contains a control character (such as NUL, U+0000)");
    assertThat(datasets()).isEqualTo(before);
  }

  @Test
  void aNulCharacterInAnImageFoldersLabelsCsvIsRefusedWithTheLine() throws Exception {
    Path zip = dir.resolve("pets.zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String image : new String[] {"a.png", "b.png", "c.png"}) {
        out.putNextEntry(new ZipEntry(image));
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry("labels.csv"));
      out.write("file,label\na.png,cat\nb.png,d\u0000g\nc.png,cat\n".getBytes(UTF_8));
      out.closeEntry();
    }
    long before = datasets();

    var reply = api.postForm("/api/v1/datasets/images", "name", "nul-labels", "archive", zip);

    assertThat(reply.status()).isEqualTo(400);
    assertProblem(reply, "labels.csv line 3: the label contains a NUL character (U+0000)");
    assertThat(datasets()).isEqualTo(before);
  }

  /** Status aside, a problem as application/problem+json with exactly this detail. */
  private static void assertProblem(ApiClient.Reply reply, String detail) {
    assertThat(
            reply
                .headers()
                .getContentType()
                .equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
        .as("%s", reply.headers().getContentType())
        .isTrue();
    JsonNode problem = JSON.readTree(reply.body());
    assertThat(problem.get("status").asInt()).isEqualTo(reply.status());
    assertThat(problem.get("detail").asString()).isEqualTo(detail);
  }

  private long datasets() {
    return jdbc.queryForObject("select count(*) from dataset", Long.class);
  }

  /** A header and {@code rows} records of two classes; a NUL in the text of line {@code nulAt}. */
  private static String csv(int rows, int nulAt) {
    var out = new StringBuilder("text,label\n");
    for (int line = 2; line < rows + 2; line++) {
      out.append(line == nulAt ? "bad \u0000 text" : "text " + line)
          .append(',')
          .append(line % 2 == 0 ? "a" : "b")
          .append('\n');
    }
    return out.toString();
  }
}
