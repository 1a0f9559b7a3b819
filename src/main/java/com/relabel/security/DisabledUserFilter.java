package com.relabel.security;

import com.relabel.base.ServerFault;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs out a user whose account was disabled (or deleted) while they were logged in: their next
 * request ends the session (a page load goes to the login page). One indexed lookup per request, so
 * it holds across several application nodes.
 */
class DisabledUserFilter extends OncePerRequestFilter {

  private final UserAccounts accounts;

  DisabledUserFilter(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
      Boolean active = active(auth.getName());
      if (active == null) {
        // the account cannot be read and was not confirmed lately: refused for now, not let in
        response.setHeader("Retry-After", String.valueOf(ServerFault.RETRY_AFTER_SECONDS));
        response.sendError(
            HttpServletResponse.SC_SERVICE_UNAVAILABLE, ServerFault.DATABASE_MESSAGE);
        return;
      }
      if (!active) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        if ("GET".equals(request.getMethod()) && request.getHeader("X-Requested-With") == null) {
          response.sendRedirect(request.getContextPath() + "/login");
        } else {
          response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "account disabled");
        }
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether the account is still enabled; null when that cannot be told. While the database cannot
   * be reached the request goes on (without the database it can read or change nothing, and the
   * view it reaches says that the database is down), unless the account was disabled on this node:
   * that one is refused with 503 until the database answers again.
   */
  private Boolean active(String username) {
    try {
      return accounts.isActive(username);
    } catch (RuntimeException e) {
      if (ServerFault.databaseUnreachable(e)) {
        return accounts.disabledHere(username) ? null : Boolean.TRUE;
      }
      throw e;
    }
  }
}
