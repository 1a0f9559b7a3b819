package com.relabel.api;

import com.relabel.base.ServerFault;
import com.relabel.dataset.EmbeddingsFormatException;
import com.relabel.dataset.IdxFormatException;
import com.relabel.dataset.ImageFolderException;
import com.relabel.dataset.TextFormatException;
import com.relabel.review.DecisionConflictException;
import com.relabel.review.QueueBusyException;
import com.relabel.training.PredictionsFormatException;
import com.relabel.training.RunAlreadyActiveException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The REST API's errors as RFC 9457 problem details, each with a detail that says what to fix: the
 * file and line of a bad import, the field of a bad run request, the run that is in the way.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  static final String DATABASE_DOWN_TITLE = "Database unavailable";
  static final String DISK_FULL_TITLE = "Insufficient storage";

  /**
   * A path under the server's temporary folder, up to its last separator: what is left is the file
   * name. The importers name an upload by its own name already; this is the second line of defence.
   */
  private static final Pattern SERVER_PATH =
      Pattern.compile(
          "(?:"
              + Pattern.quote(stripTrailingSeparator(System.getProperty("java.io.tmpdir", "/tmp")))
              + "|[^\\s'\"]*relabel-(?:api-)?upload-)[^\\s'\",:]*[/\\\\]");

  @ExceptionHandler({
    IdxFormatException.class,
    TextFormatException.class,
    ImageFolderException.class,
    PredictionsFormatException.class,
    EmbeddingsFormatException.class
  })
  ProblemDetail badFile(Exception e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad input file", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badRequest(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
  }

  @ExceptionHandler(NoSuchElementException.class)
  ProblemDetail notFound(NoSuchElementException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(RunAlreadyActiveException.class)
  ProblemDetail runActive(RunAlreadyActiveException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "A run is active", e.getMessage());
    problem.setProperty("activeRunId", e.activeRunId());
    return problem;
  }

  /** The sample was decided or changed since the caller saw it: nothing was recorded. */
  @ExceptionHandler(DecisionConflictException.class)
  ProblemDetail decidedMeanwhile(DecisionConflictException e) {
    return problem(HttpStatus.CONFLICT, "Sample changed", e.getMessage());
  }

  /** Others took every sample the queue offered, round after round: not an empty queue. */
  @ExceptionHandler(QueueBusyException.class)
  ResponseEntity<ProblemDetail> queueBusy(QueueBusyException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(QueueBusyException.RETRY_AFTER_SECONDS))
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Queue busy", e.getMessage()));
  }

  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail conflict(IllegalStateException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", "the token's owner may not do this");
  }

  /**
   * Anything else is the server's fault: a database outage (503 with Retry-After) and a full disk
   * (507) are said as such; the rest is logged here and answered without internals.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletResponse response)
      throws Exception {
    if (response.isCommitted()) {
      // a streamed download failed part-way: cut the connection, so the client sees an
      // incomplete transfer rather than a "complete" file with an error appended
      throw e;
    }
    ServerFault fault = ServerFault.of(e);
    if (fault != null) {
      log.warn("REST API request failed: {} ({})", fault, e.toString());
      return answer(fault);
    }
    log.error("REST API request failed", e);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "the request failed on the server ("
                    + e.getClass().getSimpleName()
                    + "); see its log"));
  }

  /** The answer to a server fault: 503 with Retry-After, or 507. */
  static ResponseEntity<ProblemDetail> answer(ServerFault fault) {
    if (fault == ServerFault.DISK_FULL) {
      return ResponseEntity.status(HttpStatus.INSUFFICIENT_STORAGE)
          .body(
              problem(HttpStatus.INSUFFICIENT_STORAGE, DISK_FULL_TITLE, ServerFault.DISK_MESSAGE));
    }
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(ServerFault.RETRY_AFTER_SECONDS))
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE, DATABASE_DOWN_TITLE, ServerFault.DATABASE_MESSAGE));
  }

  /** The detail with any server-side temporary folder cut away from the paths it names. */
  static String withoutServerPaths(String detail) {
    return detail == null ? null : SERVER_PATH.matcher(detail).replaceAll("");
  }

  private static String stripTrailingSeparator(String dir) {
    return dir.length() > 1 && (dir.endsWith("/") || dir.endsWith("\\"))
        ? dir.substring(0, dir.length() - 1)
        : dir;
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, withoutServerPaths(detail));
    problem.setTitle(title);
    return problem;
  }
}
