package com.relabel.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a REST API request by its {@code Authorization: Bearer rlb_...} header. A request
 * without the header goes on unauthenticated (and is refused by the chain's rules unless the path
 * is public); one with a bad token is refused here, with the reason. Too many bad tokens from one
 * address lock it out for a while ({@link LoginThrottle}): 429 with Retry-After. A read-only token
 * ({@link ApiTokenScope#READ_ONLY}) may only GET or HEAD: any other method is refused here with
 * 403, before any controller or service runs, so no endpoint can forget the rule.
 */
class ApiTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final SecurityContextHolderStrategy contexts;
  private final LoginThrottle throttle;

  /**
   * @param contexts the application's strategy (Vaadin-aware), the one the chain's authorization
   *     reads
   */
  ApiTokenFilter(ApiTokens tokens, SecurityContextHolderStrategy contexts, LoginThrottle throttle) {
    this.tokens = tokens;
    this.contexts = contexts;
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      Duration wait = throttle.tokensLockedFor(request.getRemoteAddr());
      if (wait.isPositive()) {
        response.setHeader(
            "Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000)));
        ApiProblems.write(
            response,
            ApiProblems.SC_TOO_MANY_REQUESTS,
            "too many unknown API tokens from this address; wait "
                + LoginThrottle.describe(wait)
                + " and try again");
        return;
      }
      var auth = tokens.authenticate(header.substring(BEARER.length()).strip());
      if (auth.isEmpty()) {
        throttle.badToken(request.getRemoteAddr());
        ApiProblems.write(
            response,
            HttpServletResponse.SC_UNAUTHORIZED,
            "the API token is unknown or revoked, or its owner's account is disabled");
        return;
      }
      if (ApiTokenScope.readOnly(auth.get()) && ApiTokenScope.changes(request)) {
        ApiProblems.write(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            "this token is read-only: it may only read (GET, HEAD), and taking the next sample"
                + " of the review queue leases it; "
                + request.getMethod()
                + " "
                + request.getRequestURI()
                + " needs a token with the Full scope");
        return;
      }
      var context = contexts.createEmptyContext();
      context.setAuthentication(auth.get());
      contexts.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
