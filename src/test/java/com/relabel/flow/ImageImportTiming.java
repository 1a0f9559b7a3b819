package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.dataset.ImageFolderFixture;
import com.relabel.dataset.ImageFolderImport;
import com.relabel.dataset.ImageFolderReader;
import com.relabel.dataset.ImageImportResult;
import com.relabel.dataset.ImageSizePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Image-folder import throughput (not part of the suite: run with {@code -Dtest=ImageImportTiming},
 * docs/benchmarks.md "Image-folder import"). Generates a ZIP of {@code relabel.timing.images}
 * (default 10,000) 28x28 gray PNGs in 10 class folders, then times reading it alone (headers,
 * decode, no resize) and the import into the database ({@code relabel.timing.url}, default H2 in
 * memory).
 */
@SpringBootTest(
    properties = {
      "spring.datasource.url=${relabel.timing.url:jdbc:h2:mem:timing;DB_CLOSE_DELAY=-1}",
      "spring.datasource.username=${relabel.timing.user:sa}",
      "spring.datasource.password=${relabel.timing.password:}",
      "relabel.jobs.enabled=false"
    })
class ImageImportTiming {

  @Autowired ImageFolderImport imageImport;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void tenThousandPngsInAZip() throws Exception {
    int images = Integer.getInteger("relabel.timing.images", 10_000);
    Path zip = ImageFolderFixture.classFolderZip(dir.resolve("bench.zip"), 10, images / 10, 28, 1);
    System.out.printf(Locale.ROOT, "ZIP of %,d PNGs: %,d bytes%n", images, Files.size(zip));

    long t0 = System.nanoTime();
    try (var reader = ImageFolderReader.open(zip, ImageSizePolicy.automatic())) {
      long t1 = System.nanoTime();
      assertThat(reader.readAll().count()).isEqualTo(images);
      long t2 = System.nanoTime();
      report("read: index and headers", images, t1 - t0);
      report("read: decode all", images, t2 - t1);
    }

    TestLogins.loginAs(securityContexts, "admin", "ADMIN");
    String name = "timing-" + System.currentTimeMillis();
    long t3 = System.nanoTime();
    ImageImportResult result = imageImport.importFolder(name, zip, ImageSizePolicy.automatic());
    long t4 = System.nanoTime();
    assertThat(result.images()).isEqualTo(images);
    report("import into the database, end to end", images, t4 - t3);
  }

  private static void report(String what, int images, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(Locale.ROOT, "%s: %.2f s, %,.0f images/s%n", what, seconds, images / seconds);
  }
}
