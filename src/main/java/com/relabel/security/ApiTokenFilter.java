package com.relabel.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a REST API request by its {@code Authorization: Bearer rlb_...} header. A request
 * without the header goes on unauthenticated (and is refused by the chain's rules unless the path
 * is public); one with a bad token is refused here, with the reason.
 */
class ApiTokenFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final SecurityContextHolderStrategy contexts;

  /**
   * @param contexts the application's strategy (Vaadin-aware), the one the chain's authorization
   *     reads
   */
  ApiTokenFilter(ApiTokens tokens, SecurityContextHolderStrategy contexts) {
    this.tokens = tokens;
    this.contexts = contexts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      var auth = tokens.authenticate(header.substring(BEARER.length()).strip());
      if (auth.isEmpty()) {
        ApiProblems.write(
            response,
            HttpServletResponse.SC_UNAUTHORIZED,
            "the API token is unknown or revoked, or its owner's account is disabled");
        return;
      }
      var context = contexts.createEmptyContext();
      context.setAuthentication(auth.get());
      contexts.setContext(context);
    }
    chain.doFilter(request, response);
  }
}
