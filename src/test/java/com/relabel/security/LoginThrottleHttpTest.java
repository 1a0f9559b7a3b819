package com.relabel.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.relabel.support.LoginForm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP against the running application: the login form is throttled per user name, and
 * every response carries the security headers and a SameSite session cookie.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:loginthrottle;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.security.login.lockout=3s",
      "relabel.security.login.max-lockout=3s"
    })
class LoginThrottleHttpTest {

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;
  private LoginForm form;
  @Autowired UserAccounts accounts;

  @BeforeEach
  void form() {
    form = new LoginForm(port);
  }

  @Test
  void sixWrongPasswordsLockTheUserOutEvenWithTheRightOneUntilTheLockoutIsOver() throws Exception {
    accounts.createIfMissing("carol", "right-password", Role.ANNOTATOR);
    accounts.createIfMissing("dave", "dave-password", Role.ANNOTATOR);

    for (int i = 0; i < 6; i++) {
      var wrong = form.post("carol", "wrong-" + i);
      assertThat(wrong.statusCode()).isEqualTo(302);
      assertThat(LoginForm.location(wrong)).contains("/login?error");
    }
    var refused = form.post("carol", "right-password");
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(LoginForm.location(refused)).contains("/login?error").contains("locked=");
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    // another user from the same address is not locked out by carol's failures
    assertThat(LoginForm.location(form.post("dave", "dave-password"))).doesNotContain("error");

    Thread.sleep(Duration.ofSeconds(3).plusMillis(300));
    var accepted = form.post("carol", "right-password");
    assertThat(LoginForm.location(accepted)).doesNotContain("error");
    // the success reset the count: one wrong password is an ordinary failure again
    assertThat(LoginForm.location(form.post("carol", "wrong")))
        .contains("error")
        .doesNotContain("locked");
  }

  @Test
  void responsesCarryTheSecurityHeadersAndASameSiteSessionCookie() throws Exception {
    var page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    var headers = page.headers();
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'")
        .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'")
        .contains("style-src 'self' 'unsafe-inline'")
        .contains("frame-ancestors 'self'");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    assertThat(headers.allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("JSESSIONID=")
                    .containsIgnoringCase("SameSite=Lax")
                    .containsIgnoringCase("HttpOnly"));

    var api =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/datasets"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(api.headers().firstValue("Content-Security-Policy"))
        .hasValue("default-src 'none'; frame-ancestors 'self'");
  }
}
