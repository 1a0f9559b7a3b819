package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.security.ApiTokens;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UI's download links ({@code /export/...}, session login) and the REST API's paths (API token)
 * reach one implementation of each export, over real HTTP: the same files, and the same role rule
 * on both sides (admins only).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:downloadlinks;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.security.active-check-period=0s"
    })
class DownloadLinksTest {

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired SecurityContextHolderStrategy securityContexts;
  @TempDir Path dir;

  @Test
  void theUiLinksAndTheApiServeTheSameFilesToAdminsOnly() throws Exception {
    accounts.createIfMissing("ada", "ada-password", Role.ADMIN);
    accounts.createIfMissing("anne", "anne-password", Role.ANNOTATOR);
    var api = new ApiClient(port, tokenOf("ada", Role.ADMIN));
    Path texts =
        Files.writeString(
            dir.resolve("texts.csv"), "text,label\n\"hello, world\",a\nbye,b\nagain,a\n");
    var imported = api.postForm("/api/v1/datasets/text", "name", "two words", "file", texts);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    long id = JsonMapper.builder().build().readTree(imported.body()).get("id").asLong();

    var admin = session("ada", "ada-password");
    String base = "/api/v1/datasets/" + id + "/labels?format=";
    String link = "/export/datasets/" + id + "/";
    assertSameFile(admin, link + "labels.csv", api.get(base + "csv"), "two_words-labels.csv");
    assertSameFile(admin, link + "labels.jsonl", api.get(base + "jsonl"), "two_words-labels.jsonl");
    assertSameFile(admin, link + "source", api.get(base + "source"), "two_words-corrected.csv");
    var audit = api.get("/api/v1/audit?dataset=" + id);
    assertThat(audit.body()).startsWith("id,occurred_at,actor,action,");
    assertSameFile(admin, "/export/audit.csv?dataset=" + id, audit, "audit.csv");
    assertThat(get(admin, link + "labels.csv").body()).contains("\n0,0,0,OPEN,,,\n");

    var annotator = session("anne", "anne-password");
    var annotatorApi = new ApiClient(port, tokenOf("ann", Role.ANNOTATOR));
    for (String path :
        new String[] {
          link + "labels.csv", link + "labels.jsonl", link + "source", "/export/audit.csv"
        }) {
      assertThat(get(annotator, path).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(annotatorApi.get(base + "csv").status()).isEqualTo(403);
    assertThat(annotatorApi.get(base + "source").status()).isEqualTo(403);
    assertThat(annotatorApi.get("/api/v1/audit").status()).isEqualTo(403);
    // each side keeps its own login: a session does not open the API, a token not the UI's links
    assertThat(get(admin, base + "csv").statusCode()).isEqualTo(401);
    assertThat(new ApiClient(port, tokenOf("bob", Role.ADMIN)).get(link + "labels.csv").status())
        .isNotEqualTo(200);
  }

  private void assertSameFile(
      HttpClient session, String link, ApiClient.Reply fromApi, String fileName) throws Exception {
    var fromLink = get(session, link);
    assertThat(fromApi.status()).as(fromApi.body()).isEqualTo(200);
    assertThat(fromLink.statusCode()).as(link + ": " + fromLink.body()).isEqualTo(200);
    assertThat(fromLink.body()).as(link).isEqualTo(fromApi.body());
    assertThat(fromLink.headers().firstValue("Content-Type"))
        .hasValue(fromApi.headers().getContentType().toString());
    assertThat(fromLink.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"" + fileName + "\"");
  }

  private HttpResponse<String> get(HttpClient session, String path) throws Exception {
    return session.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A browser's session: logged in through the login form, its cookie kept. */
  private HttpClient session(String username, String password) throws Exception {
    var http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    var login =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return http;
  }

  /** A token of a fresh account, made while it is an admin, then given {@code role}. */
  private String tokenOf(String username, Role role) {
    var owner = accounts.createIfMissing(username, "password-" + username, Role.ADMIN);
    String token = as(username, () -> tokens.create(username + "'s pipeline").token());
    if (role != Role.ADMIN) {
      as(
          "root",
          () -> {
            accounts.changeRole(owner.getId(), role);
            return null;
          });
    }
    return token;
  }

  private <T> T as(String admin, java.util.function.Supplier<T> action) {
    var auth =
        new UsernamePasswordAuthenticationToken(
            admin, "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
    securityContexts.getContext().setAuthentication(auth);
    SecurityContextHolder.getContext().setAuthentication(auth);
    try {
      return action.get();
    } finally {
      securityContexts.clearContext();
      SecurityContextHolder.clearContext();
    }
  }
}
