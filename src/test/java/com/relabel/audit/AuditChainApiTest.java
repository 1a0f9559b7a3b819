package com.relabel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.security.ApiTokens;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.client.RestClient;

/**
 * {@code GET /api/v1/audit/chain} over real HTTP: admins get the verifier's report, nobody else.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:audit-chain-api;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.security.active-check-period=0s"
    })
class AuditChainApiTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @AfterEach
  void logout() {
    securityContexts.clearContext();
    SecurityContextHolder.clearContext();
  }

  @Test
  void adminsGetTheChainsReportAndAnnotatorsAreRefused() {
    var admin = get(tokenOf("auditor", Role.ADMIN));
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    assertThat(admin.body())
        .contains("\"intact\":true")
        .contains("\"entries\":0")
        .contains("\"lastHash\":\"" + AuditChainReport.GENESIS + "\"");

    var annotator = get(tokenOf("annie", Role.ANNOTATOR));
    assertThat(annotator.status()).as(annotator.body()).isEqualTo(403);
    assertThat(get(null).status()).isEqualTo(401);
  }

  record Reply(int status, String body) {}

  private Reply get(String token) {
    var request =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .build()
            .get()
            .uri("/api/v1/audit/chain");
    if (token != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return request.exchange(
        (req, res) ->
            new Reply(
                res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
  }

  private String tokenOf(String username, Role role) {
    as("root", () -> accounts.create(username, "password-" + username, Role.ADMIN));
    String token = as(username, () -> tokens.create(username + "'s check").token());
    if (role != Role.ADMIN) {
      long id =
          as("root", () -> accounts.all()).stream()
              .filter(u -> u.getUsername().equals(username))
              .findFirst()
              .orElseThrow()
              .getId();
      as(
          "root",
          () -> {
            accounts.changeRole(id, role);
            return null;
          });
    }
    return token;
  }

  private <T> T as(String user, Supplier<T> action) {
    var auth =
        new UsernamePasswordAuthenticationToken(
            user, "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
    securityContexts.getContext().setAuthentication(auth);
    SecurityContextHolder.getContext().setAuthentication(auth);
    try {
      return action.get();
    } finally {
      logout();
    }
  }
}
