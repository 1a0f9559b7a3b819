package com.relabel.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.RelabelApplication;
import com.relabel.flow.TestPostgres;
import com.relabel.support.LoginForm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The start-up that {@code docker/compose.yaml} describes, as far as it runs without Docker. The
 * {@code db} service's init scripts create a fresh database on the test PostgreSQL, as the image
 * would on an empty volume; then the application's main starts with no arguments and, as its only
 * environment, the {@code app} service's variables read from the compose file. Only what must
 * differ outside the containers is changed: the server and database in {@code POSTGRES_URL}, the
 * two roles' passwords (the test server has roles of the same names, which the script leaves as
 * they are) and {@code PORT=0}. The owner migrates and owns the tables, the application connects as
 * the app role, which cannot change the audit trail, and the first admin logs in.
 */
class ComposeStartTest {

  @Test
  void composeCreatesTheTwoRolesDatabaseAndTheAppStartsAsTheRoleThatCannotRewriteTheAudit()
      throws Exception {
    ComposeFile compose = ComposeFile.read();
    Map<String, String> app = compose.environment("app");
    Map<String, String> db = compose.environment("db");
    assertThat(app)
        .containsKeys("SPRING_PROFILES_ACTIVE", "POSTGRES_URL", "POSTGRES_USER")
        .containsKeys("POSTGRES_OWNER_USER", "POSTGRES_OWNER_PASSWORD", "RELABEL_ADMIN_PASSWORD");
    assertThat(app.get("SPRING_PROFILES_ACTIVE")).contains("postgres");
    assertThat(app.get("RELABEL_ADMIN_PASSWORD")).isNotBlank();
    // the app service reaches the database that the db service's init script creates, migrating
    // as the owner role and connecting as the app role that the script creates
    URI target = URI.create(app.get("POSTGRES_URL").substring("jdbc:".length()));
    assertThat(target.getHost()).isEqualTo("db");
    assertThat(target.getPath()).isEqualTo("/" + db.get("RELABEL_DB"));
    String owner = app.get("POSTGRES_OWNER_USER");
    String appRole = app.get("POSTGRES_USER");
    assertThat(owner).isEqualTo(db.get("RELABEL_OWNER_USER")).isNotEqualTo(appRole);
    assertThat(app.get("POSTGRES_OWNER_PASSWORD")).isEqualTo(db.get("RELABEL_OWNER_PASSWORD"));
    assertThat(appRole).isEqualTo(db.get("RELABEL_APP_USER"));
    assertThat(app.get("POSTGRES_PASSWORD")).isEqualTo(db.get("RELABEL_APP_PASSWORD"));
    assertThat(List.of(owner, appRole))
        .as("the test server's roles (./relabel test) have the README's names, as compose does")
        .containsExactly(TestPostgres.ownerUser(), TestPostgres.user());
    everyVariableIsOneTheApplicationReads(app);

    String name = "relabel_compose_" + System.nanoTime();
    Map<String, String> dbService = new HashMap<>(db);
    dbService.put("RELABEL_DB", name);
    try {
      PostgresInitScripts.run(
          compose.mountedAt("db", PostgresInitScripts.ENTRYPOINT_FOLDER), dbService);
      String url = PostgresTools.urlOf(name);
      Map<String, String> environment = new HashMap<>(app);
      environment.put("POSTGRES_URL", url);
      environment.put("POSTGRES_PASSWORD", TestPostgres.password());
      environment.put("POSTGRES_OWNER_PASSWORD", TestPostgres.ownerPassword());
      environment.put("PORT", "0");
      try (var context =
          new SpringApplicationBuilder(RelabelApplication.class)
              .environment(containerEnvironment(environment))
              .run()) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        String password = app.get("RELABEL_ADMIN_PASSWORD");
        assertThat(LoginForm.location(new LoginForm(port).post("admin", password + "-wrong")))
            .contains("/login?error");
        assertThat(LoginForm.location(new LoginForm(port).post("admin", password)))
            .doesNotContain("error");

        var asApp = context.getBean(JdbcTemplate.class);
        assertThat(asApp.queryForObject("select current_user", String.class)).isEqualTo(appRole);
        assertThat(asApp.queryForList("select username || ' ' || role from app_user", String.class))
            .containsExactly("admin ADMIN");
        assertThatThrownBy(() -> asApp.update("update audit_entry set actor = 'mallory'"))
            .rootCause()
            .hasMessageContaining("permission denied for table audit_entry");
        assertThatThrownBy(() -> asApp.update("delete from audit_entry"))
            .rootCause()
            .hasMessageContaining("permission denied for table audit_entry");

        var asOwner =
            new JdbcTemplate(new DriverManagerDataSource(url, owner, TestPostgres.ownerPassword()));
        assertThat(
                asOwner.queryForObject(
                    "select pg_get_userbyid(datdba) from pg_database"
                        + " where datname = current_database()",
                    String.class))
            .isEqualTo(owner);
        assertThat(
                asOwner.queryForObject(
                    "select has_schema_privilege(?, 'public', 'create')", Boolean.class, appRole))
            .isFalse();
        assertThat(
                asOwner.queryForList(
                    "select distinct installed_by || ' ' || success from flyway_schema_history",
                    String.class))
            .containsExactly(owner + " true");
        assertThat(
                asOwner.queryForObject("select count(*) from flyway_schema_history", Integer.class))
            .isGreaterThanOrEqualTo(migrationFiles());
        assertThat(
                asOwner.queryForList(
                    "select distinct tableowner from pg_tables where schemaname = current_schema()",
                    String.class))
            .containsExactly(owner);
      }
    } finally {
      PostgresTools.dropDatabase(name);
    }
  }

  /**
   * An environment holding nothing but {@code variables} where the application reads the operating
   * system's, as inside the container (the image adds only JVM and DJL settings).
   */
  private static StandardEnvironment containerEnvironment(Map<String, String> variables) {
    var environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.copyOf(variables)));
    return environment;
  }

  /** A variable the application never reads would be a typo in the compose file. */
  private static void everyVariableIsOneTheApplicationReads(Map<String, String> app)
      throws Exception {
    StringBuilder settings = new StringBuilder();
    try (Stream<Path> files = Files.list(Path.of("src", "main", "resources"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
        settings.append(Files.readString(file));
      }
    }
    for (String variable : app.keySet()) {
      if (!variable.startsWith("SPRING_")) {
        assertThat(settings)
            .as(
                "%s of docker/compose.yaml is read by no ${%s} in application*.properties",
                variable, variable)
            .contains("${" + variable);
      }
    }
  }

  private static int migrationFiles() throws Exception {
    int count = 0;
    for (String vendor : List.of("common", "postgresql")) {
      try (Stream<Path> files =
          Files.list(Path.of("src", "main", "resources", "db", "migration", vendor))) {
        count += (int) files.filter(f -> f.toString().endsWith(".sql")).count();
      }
    }
    return count;
  }
}
