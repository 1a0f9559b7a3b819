package com.relabel.api;

import com.relabel.base.ServerFault;
import com.relabel.security.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a database outage or a full disk under {@code /api} as a problem (503 with Retry-After,
 * or 507) when it happens before a controller is reached: the API token is looked up in the
 * database by the security filters, which run ahead of {@link ApiErrors}. Ordered before Spring
 * Security's filter chain, so it sees what that chain throws.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class ApiFaultFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ApiFaultFilter.class);

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      ServerFault fault = ServerFault.of(e);
      if (fault == null || response.isCommitted()) {
        throw e;
      }
      log.warn("REST API request failed before its controller: {} ({})", fault, e.toString());
      response.reset();
      if (fault == ServerFault.DISK_FULL) {
        ApiProblems.write(
            response,
            HttpStatus.INSUFFICIENT_STORAGE.value(),
            ApiErrors.DISK_FULL_TITLE,
            ServerFault.DISK_MESSAGE);
      } else {
        response.setHeader(
            HttpHeaders.RETRY_AFTER, Integer.toString(ServerFault.RETRY_AFTER_SECONDS));
        ApiProblems.write(
            response,
            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
            ApiErrors.DATABASE_DOWN_TITLE,
            ServerFault.DATABASE_MESSAGE);
      }
    }
  }
}
