package com.relabel.api;

import com.relabel.security.ApiTokens;
import com.relabel.security.UserAccounts;
import com.relabel.support.TestAccounts;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * What the tests of an admin's imports over real HTTP share ({@link TablesApiTest}, {@link
 * EmbeddingsApiTest}): one Spring context for both, the database to count what was written, and
 * {@link ApiFixtures} that write their files to the test's temporary folder.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:embeddings-api;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.security.active-check-period=0s"
    })
abstract class ImportApiTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  /** New admins and annotators with tokens, as each test asks for them. */
  ApiFixtures fixtures() {
    return new ApiFixtures(port, new TestAccounts(accounts, tokens, securityContexts), dir);
  }
}
