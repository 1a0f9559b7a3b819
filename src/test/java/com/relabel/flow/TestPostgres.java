package com.relabel.flow;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL that {@code ./relabel test} starts on 127.0.0.1 and passes in as {@code
 * relabel.test.postgres.url}, {@code .user} and {@code .password}. Without it a PostgreSQL test
 * fails: it is never silently skipped.
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

  /** Points a Spring test context at the test PostgreSQL. */
  public static void register(DynamicPropertyRegistry registry) {
    String url = url();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", TestPostgres::user);
    registry.add("spring.datasource.password", TestPostgres::password);
  }
}
