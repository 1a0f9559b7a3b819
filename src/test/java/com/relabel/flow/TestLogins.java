package com.relabel.flow;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Logs a user in for service calls in tests. Several Spring contexts live in one test JVM, each
 * with its own Vaadin-aware security context strategy, so the context's own strategy is set as well
 * as the static holder.
 */
final class TestLogins {
  private TestLogins() {}

  static void loginAs(SecurityContextHolderStrategy strategy, String user, String role) {
    var auth =
        new UsernamePasswordAuthenticationToken(
            user, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role));
    strategy.getContext().setAuthentication(auth);
    SecurityContextHolder.getContext().setAuthentication(auth);
  }

  static void logout(SecurityContextHolderStrategy strategy) {
    strategy.clearContext();
    SecurityContextHolder.clearContext();
  }
}
