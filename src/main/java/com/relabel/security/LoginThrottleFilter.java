package com.relabel.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses the login form's POST while its user name or the sender's address is locked out ({@link
 * LoginThrottle}), before the password is checked: the browser goes back to the login page, which
 * says how long to wait. The failures themselves are counted by {@link LoginAttempts}.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  static final String LOCKED_PARAMETER = "locked";

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod()) || !"/login".equals(path);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Duration wait = throttle.lockedFor(request.getParameter("username"), request.getRemoteAddr());
    if (wait.isPositive()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      response.sendRedirect(
          request.getContextPath() + "/login?error&" + LOCKED_PARAMETER + "=" + seconds);
      return;
    }
    chain.doFilter(request, response);
  }
}
