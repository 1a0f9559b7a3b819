package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.flow.TestPostgres;
import com.relabel.security.ApiTokens;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import com.relabel.support.TestAccounts;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The first request after PostgreSQL dropped every connection of the pool (as a restart does)
 * succeeds: the pool tests a connection before it hands it out, also one used a moment ago
 * (base.PoolValidation). Before, a connection used less than 500 ms earlier went out untested and
 * the request failed on it (issue 13).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "relabel.security.active-check-period=0s",
      "spring.datasource.hikari.data-source-properties.ApplicationName="
          + PostgresPoolRecoveryTest.APP
    })
@ActiveProfiles("postgres")
class PostgresPoolRecoveryTest {

  static final String APP = "relabel-pool-recovery-test";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired SecurityContextHolderStrategy contexts;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    TestPostgres.register(registry);
  }

  @Test
  void theFirstRequestAfterTheDatabaseDroppedEveryConnectionSucceeds() throws Exception {
    var api =
        new ApiClient(
            port,
            new TestAccounts(accounts, tokens, contexts)
                .tokenOf("pool-" + System.nanoTime(), Role.ADMIN));
    assertThat(api.get("/api/v1/datasets").status()).isEqualTo(200);

    useEveryPooledConnection();
    int dropped = dropThePoolsConnections();
    ApiClient.Reply first = api.get("/api/v1/datasets");

    assertThat(dropped).isEqualTo(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize());
    assertThat(first.status()).as(first.body()).isEqualTo(200);
  }

  /** Borrows every connection of the pool at once and uses it, so each was used just now. */
  private void useEveryPooledConnection() throws SQLException {
    int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
    List<Connection> all = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        Connection c = dataSource.getConnection();
        all.add(c);
        try (Statement s = c.createStatement()) {
          s.execute("select 1");
        }
      }
    } finally {
      for (Connection c : all) {
        c.close();
      }
    }
  }

  /** Ends the server side of the pool's connections, as a restart of PostgreSQL does. */
  private static int dropThePoolsConnections() throws SQLException, InterruptedException {
    String ours = "from pg_stat_activity where application_name = '" + APP + "'";
    try (Connection admin =
            DriverManager.getConnection(
                TestPostgres.url(), TestPostgres.user(), TestPostgres.password());
        Statement s = admin.createStatement()) {
      int dropped = count(s, "select count(pg_terminate_backend(pid)) " + ours);
      while (count(s, "select count(*) " + ours) > 0) {
        Thread.sleep(5);
      }
      return dropped;
    }
  }

  private static int count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
