package com.relabel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a controller answers when the database goes away in the middle of its work, or the disk
 * fills: {@link ApiErrors}' last handler says so (the outage test meets the outage earlier, in the
 * token lookup).
 */
class ApiFaultAnswersTest {

  private final ApiErrors errors = new ApiErrors();

  @Test
  void anOutageInAControllerIsA503WithRetryAfter() throws Exception {
    var outage =
        new CannotCreateTransactionException(
            "Could not open JPA EntityManager for transaction",
            new SQLTransientConnectionException("Connection is not available"));

    var answer = errors.unexpected(outage, new MockHttpServletResponse());

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
    assertThat(answer.getBody().getDetail()).contains("the database cannot be reached");
  }

  @Test
  void aFullDiskInAControllerIsA507() throws Exception {
    var answer =
        errors.unexpected(
            new IOException("No space left on device"), new MockHttpServletResponse());

    assertThat(answer.getStatusCode().value()).isEqualTo(507);
    assertThat(answer.getBody().getDetail()).startsWith("the server is out of disk space");
  }

  @Test
  void anythingElseIsA500WithoutInternals() throws Exception {
    var answer =
        errors.unexpected(new NullPointerException("secret"), new MockHttpServletResponse());

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getBody().getDetail()).doesNotContain("secret");
  }
}
