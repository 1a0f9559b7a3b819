package com.relabel.security;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What an API token may do on top of its owner's role (decision 0032): {@link #FULL} all its owner
 * may, {@link #READ_ONLY} only read. A read-only token's requests carry the authority {@value
 * #READ_ONLY_AUTHORITY}, and the API's filter chain refuses every method but GET and HEAD for them
 * ({@link ApiTokenFilter}), before any controller, so no endpoint can forget the rule.
 */
public enum ApiTokenScope {
  FULL("Full", "can do everything its owner may"),
  READ_ONLY(
      "Read-only",
      "can read datasets, runs, queues, exports and the audit trail, cannot change anything");

  /** The authority a read-only token's requests carry. */
  public static final String READ_ONLY_AUTHORITY = "SCOPE_READ_ONLY";

  /** The methods a read-only token may use: those that change nothing. */
  static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

  private final String label;
  private final String description;

  ApiTokenScope(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** "Full" or "Read-only", as the token page shows it. */
  public String label() {
    return label;
  }

  /** What a token of this scope may do, in a few words. */
  public String description() {
    return description;
  }

  /** Whether this authentication came from a read-only token. */
  static boolean readOnly(Authentication auth) {
    return auth != null
        && auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(READ_ONLY_AUTHORITY::equals);
  }
}
