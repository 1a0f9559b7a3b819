package com.relabel.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.RelabelApplication;
import com.relabel.audit.AuditChainReport;
import com.relabel.audit.AuditChainVerifier;
import com.relabel.flow.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The README's restore under other role names: a dump whose roles the new server does not use is
 * restored with {@code pg_restore --no-owner --no-acl --role=<new owner>}, then V20's grant block,
 * run by hand as the owner, gives the application's role its grants. The source here is a one-role
 * database (the owner role migrated it and the application connected as that role, so the dump
 * grants nothing to {@code relabel_app}), as from the one-role compose file of old; the test server
 * cannot create roles, so "other names" means roles the dump does not grant. The restored
 * application, as {@code relabel_app}, finds every row and an intact chain, decides, and may not
 * change an audit row.
 */
class PostgresRestoreUnderOtherRolesTest {

  private static final Path V20 =
      Path.of("src/main/resources/db/migration/postgresql/V20__audit_roles_and_hash_chain.sql");

  @TempDir Path dir;

  @Test
  void aDumpRestoredWithoutOwnerAndGrantsServesTheAppRoleAfterV20sGrantBlock() throws Exception {
    String owner = TestPostgres.ownerUser();
    String appRole = TestPostgres.user();
    assertThat(owner).as("relabel.test.postgres.owner-user: run ./relabel test").isNotBlank();
    String name = "relabel_onerole_" + System.nanoTime();
    String copy = name + "_restored";
    try {
      DatabaseSnapshot before;
      AuditChainReport chain;
      long datasetId;
      try (var app =
          start(PostgresTools.createDatabase(name), owner, TestPostgres.ownerPassword())) {
        datasetId = ReviewedData.decideSome(app, dir);
        before = DatabaseSnapshot.of(app.getBean(DataSource.class));
        chain = app.getBean(AuditChainVerifier.class).verify();
      }
      assertThat(chain.intact()).as(chain.problem()).isTrue();

      Path dump = dir.resolve("relabel.dump");
      PostgresTools.run("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + name);
      String url = PostgresTools.urlOf(copy);
      PostgresTools.createDatabase(copy);
      PostgresTools.run(
          "pg_restore",
          "--no-owner",
          "--no-acl",
          "--role=" + owner,
          "--exit-on-error",
          "--single-transaction",
          "--dbname=" + copy,
          dump.toString());
      var asOwner =
          new JdbcTemplate(new DriverManagerDataSource(url, owner, TestPostgres.ownerPassword()));
      asOwner.execute(grantBlock(appRole));

      try (var app = start(url, appRole, TestPostgres.password())) {
        var jdbc = app.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(appRole);
        DatabaseSnapshot after = DatabaseSnapshot.of(app.getBean(DataSource.class));
        assertThat(before.differencesIn(after)).isEmpty();

        AuditChainVerifier verifier = app.getBean(AuditChainVerifier.class);
        AuditChainReport restored = verifier.verify(chain.lastHash());
        assertThat(restored.intact()).as(restored.problem()).isTrue();
        assertThat(restored.lastHash()).isEqualTo(chain.lastHash());

        ReviewedData.confirmNext(app, datasetId);
        assertThat(verifier.verify(chain.lastHash()).entries()).isEqualTo(chain.entries() + 1);
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'mallory'"))
            .rootCause()
            .hasMessageContaining("permission denied for table audit_entry");
        assertThatThrownBy(() -> jdbc.queryForList("select * from flyway_schema_history"))
            .rootCause()
            .hasMessageContaining("permission denied for table flyway_schema_history");
      }
      assertThat(
              asOwner.queryForList(
                  "select distinct tableowner from pg_tables where schemaname = current_schema()",
                  String.class))
          .containsExactly(owner);
    } finally {
      PostgresTools.dropDatabase(copy);
      PostgresTools.dropDatabase(name);
    }
  }

  /**
   * The {@code do $$ ... $$} block of V20 with the README's replacements: {@code '${app_role}'} by
   * the application's role and {@code ${flyway:table}} by {@code flyway_schema_history}.
   */
  private static String grantBlock(String appRole) throws Exception {
    String migration = Files.readString(V20);
    int start = migration.indexOf("do $$");
    int end = migration.indexOf("$$;", start);
    assertThat(start).as("V20 has a do $$ block").isNotNegative();
    return migration
        .substring(start, end + 2)
        .replace("'${app_role}'", "'" + appRole + "'")
        .replace("${flyway:table}", "flyway_schema_history");
  }

  /** The application on {@code url} as {@code user}, who also migrates; no HTTP port. */
  private static ConfigurableApplicationContext start(String url, String user, String password) {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + user,
                "spring.datasource.password=" + password,
                "server.port=-1",
                "management.server.port=-1",
                "relabel.jobs.enabled=false",
                "relabel.jobs.node-name=restore-test"));
    if (!user.equals(TestPostgres.ownerUser())) {
      properties.add("spring.flyway.user=" + TestPostgres.ownerUser());
      properties.add("spring.flyway.password=" + TestPostgres.ownerPassword());
    }
    return new SpringApplicationBuilder(RelabelApplication.class)
        .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
  }
}
