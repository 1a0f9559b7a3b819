package com.relabel.api;

import com.relabel.base.ServerFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart upload that cannot be read: too large for the server's limits (413, the limits in the
 * detail), the disk full while the container spools it (507), or a broken form (400). These fail
 * before any controller is chosen, where {@link ApiErrors} (bound to the API's controllers) is not
 * asked, so this advice is bound to none; only the REST API takes multipart requests.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrors {

  private static final Logger log = LoggerFactory.getLogger(UploadErrors.class);

  private final DataSize maxFileSize;
  private final DataSize maxRequestSize;

  UploadErrors(
      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
      @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
    this.maxFileSize = maxFileSize;
    this.maxRequestSize = maxRequestSize;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(
            ApiErrors.problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Upload too large",
                "the upload is larger than this server takes: at most "
                    + describe(maxFileSize)
                    + " per file and "
                    + describe(maxRequestSize)
                    + " per request; nothing was imported"));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> unreadable(MultipartException e) {
    ServerFault fault = ServerFault.of(e);
    if (fault != null) {
      log.warn("upload failed: {} ({})", fault, e.toString());
      return ApiErrors.answer(fault);
    }
    return ResponseEntity.badRequest()
        .body(
            ApiErrors.problem(
                HttpStatus.BAD_REQUEST,
                "Bad upload",
                "the request is not a readable multipart form; nothing was imported"));
  }

  /** 2147483648 bytes as "2 GB", 2097152 as "2 MB"; other sizes in the largest whole unit. */
  static String describe(DataSize size) {
    long bytes = size.toBytes();
    String[] units = {"bytes", "KB", "MB", "GB", "TB"};
    int unit = 0;
    while (unit < units.length - 1 && bytes >= 1024 && bytes % 1024 == 0) {
      bytes /= 1024;
      unit++;
    }
    return String.format("%,d %s", bytes, units[unit]);
  }
}
