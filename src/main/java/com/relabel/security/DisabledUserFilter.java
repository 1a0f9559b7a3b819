package com.relabel.security;

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
      if (!accounts.isActive(auth.getName())) {
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
}
