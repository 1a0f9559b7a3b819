package com.relabel.flow;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL that {@code ./relabel test} starts on 127.0.0.1 and passes in as {@code
 * relabel.test.postgres.url}, {@code .user} and {@code .password}. Without it a PostgreSQL test
 * fails: it is never silently skipped. The script sets the database up with the two roles of the
 * README's "Production" section: {@code .user} is the application's role, and {@code .owner-user}
 * and {@code .owner-password} the role that runs the migrations and owns the tables (decision
 * 0027). Without an owner the application's role migrates, as with one role in production.
 */
public final class TestPostgres {

  private TestPostgres() {}

  /** The JDBC URL; fails with a clear message when the suite was not started by the script. */
  public static String url() {
    String url = System.getProperty("relabel.test.postgres.url", "");
    if (url.isBlank()) {
      throw new IllegalStateException(
          "relabel.test.postgres.url is not set: run the suite with ./relabel test, which starts"
              + " PostgreSQL on 127.0.0.1");
    }
    return url;
  }

  public static String user() {
    return System.getProperty("relabel.test.postgres.user");
  }

  public static String password() {
    return System.getProperty("relabel.test.postgres.password");
  }

  /** The role that owns the tables and runs the migrations; blank when there is only one role. */
  public static String ownerUser() {
    return System.getProperty("relabel.test.postgres.owner-user", "");
  }

  public static String ownerPassword() {
    return System.getProperty("relabel.test.postgres.owner-password", "");
  }

  /** The role that creates databases and migrates: the owner, or the only role. */
  public static String migratingUser() {
    return ownerUser().isBlank() ? user() : ownerUser();
  }

  public static String migratingPassword() {
    return ownerUser().isBlank() ? password() : ownerPassword();
  }

  /** Points a Spring test context at the test PostgreSQL, migrating as the owner role if any. */
  public static void register(DynamicPropertyRegistry registry) {
    String url = url();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", TestPostgres::user);
    registry.add("spring.datasource.password", TestPostgres::password);
    if (!ownerUser().isBlank()) {
      registry.add("spring.flyway.user", TestPostgres::ownerUser);
      registry.add("spring.flyway.password", TestPostgres::ownerPassword);
    }
  }
}
