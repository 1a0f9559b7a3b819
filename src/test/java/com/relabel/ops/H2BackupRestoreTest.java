package com.relabel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.RelabelApplication;
import com.relabel.audit.AuditChainReport;
import com.relabel.audit.AuditChainVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Backup;
import org.h2.tools.Restore;
import org.h2.tools.RunScript;
import org.h2.tools.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's H2 backup procedure, with H2's own tools and the exact arguments the README gives:
 * the application decides on a file database and stops; {@code org.h2.tools.Backup} zips the
 * database and {@code org.h2.tools.Script} writes it as SQL; {@code Restore} and {@code RunScript}
 * bring each back into a fresh folder. Both copies hold every row, and their audit hash chain
 * verifies to the same last hash; the application starts on the restored zip and decides on.
 */
class H2BackupRestoreTest {

  @TempDir Path dir;

  @Test
  void theBackupZipAndTheSqlScriptRestoreEveryRowAndTheChainStillVerifies() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    DatabaseSnapshot before;
    AuditChainReport chain;
    long datasetId;
    try (var app = start(url(data))) {
      datasetId = ReviewedData.decideSome(app, dir);
      before = DatabaseSnapshot.of(app.getBean(DataSource.class));
      chain = app.getBean(AuditChainVerifier.class).verify();
    }
    assertThat(chain.intact()).as(chain.problem()).isTrue();
    assertThat(chain.entries()).isEqualTo(11); // 9 decisions, 1 more and its undo

    // with the application stopped, as the README says
    String zip = dir.resolve("relabel-backup.zip").toString();
    String sql = dir.resolve("relabel-backup.sql").toString();
    Backup.main("-file", zip, "-dir", data.toString(), "-db", "relabel", "-quiet");
    Script.main("-url", "jdbc:h2:file:" + data.resolve("relabel"), "-user", "sa", "-script", sql);

    Path restored = dir.resolve("restored");
    Restore.main("-file", zip, "-dir", restored.toString(), "-db", "relabel");
    try (var app = start(url(restored))) {
      assertThat(before.differencesIn(DatabaseSnapshot.of(app.getBean(DataSource.class))))
          .isEmpty();
      AuditChainVerifier verifier = app.getBean(AuditChainVerifier.class);
      AuditChainReport fromZip = verifier.verify(chain.lastHash());
      assertThat(fromZip.intact()).as(fromZip.problem()).isTrue();
      assertThat(fromZip.lastHash()).isEqualTo(chain.lastHash());
      ReviewedData.confirmNext(app, datasetId);
      assertThat(verifier.verify(chain.lastHash()).entries()).isEqualTo(chain.entries() + 1);
    }

    Path scripted = dir.resolve("scripted");
    RunScript.main(
        "-url", "jdbc:h2:file:" + scripted.resolve("relabel"), "-user", "sa", "-script", sql);
    var copy = new JdbcDataSource();
    copy.setURL("jdbc:h2:file:" + scripted.resolve("relabel"));
    copy.setUser("sa");
    assertThat(before.differencesIn(DatabaseSnapshot.of(copy))).isEmpty();
    AuditChainReport fromScript = new AuditChainVerifier(copy).verify(chain.lastHash());
    assertThat(fromScript.intact()).as(fromScript.problem()).isTrue();
    assertThat(fromScript.entries()).isEqualTo(chain.entries());
  }

  /** The default file database's settings (application.properties), in another folder. */
  private static String url(Path folder) {
    return "jdbc:h2:file:"
        + folder.resolve("relabel")
        + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
  }

  private static ConfigurableApplicationContext start(String url) {
    List<String> properties =
        List.of(
            "spring.datasource.url=" + url,
            "server.port=-1",
            "management.server.port=-1",
            "relabel.jobs.enabled=false",
            "relabel.jobs.node-name=h2-backup-test");
    return new SpringApplicationBuilder(RelabelApplication.class)
        .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
  }
}
