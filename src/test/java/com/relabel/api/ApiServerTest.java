package com.relabel.api;

import com.relabel.security.ApiTokens;
import com.relabel.security.UserAccounts;
import com.relabel.support.TestAccounts;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * What the REST API tests over real HTTP inject: the server's port, the services that make accounts
 * and tokens, the database to count what was written, and a temporary folder for the files they
 * upload. Each test class names its own application context ({@code @SpringBootTest}).
 */
abstract class ApiServerTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  /** Accounts and tokens made through the services, as an admin would in the app. */
  TestAccounts testAccounts() {
    return new TestAccounts(accounts, tokens, securityContexts);
  }

  /** New admins and annotators with tokens, and their uploads written to {@link #dir}. */
  ApiFixtures apiFixtures() {
    return new ApiFixtures(port, testAccounts(), dir);
  }
}
