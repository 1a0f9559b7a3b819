package com.relabel.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What an API token may do on top of its owner's role (decision 0032): {@link #FULL} all its owner
 * may, {@link #READ_ONLY} only read. A read-only token's requests carry the authority {@value
 * #READ_ONLY_AUTHORITY}, and the API's filter chain refuses every method but GET and HEAD for them,
 * and the review queue's leasing GET ({@link #changes}), before any controller ({@link
 * ApiTokenFilter}), so no endpoint can forget the rule.
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

  /**
   * The one read that changes something: asking the review queue for the next sample leases it to
   * the caller (decision 0034), so a read-only token may not.
   */
  private static final RequestMatcher LEASING_READ =
      // matched as Spring MVC matches its mappings (decoded path segments), so no other spelling
      // of the path (an escaped letter) reaches the endpoint unrefused
      PathPatternRequestMatcher.withDefaults().matcher("/api/v1/datasets/{datasetId}/review/next");

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

  /** Whether the request may change something: any method but GET and HEAD, or a leasing read. */
  static boolean changes(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod()) || LEASING_READ.matches(request);
  }

  /** Whether this authentication came from a read-only token. */
  static boolean readOnly(Authentication auth) {
    return auth != null
        && auth.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(READ_ONLY_AUTHORITY::equals);
  }
}
