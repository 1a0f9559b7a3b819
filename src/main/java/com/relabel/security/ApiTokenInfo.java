package com.relabel.security;

import java.time.Instant;

/**
 * What an admin sees of an API token: never the token, only the first characters that tell tokens
 * apart ({@code rlb_} + {@code prefix} + ...), and its scope.
 */
public record ApiTokenInfo(
    long id,
    String name,
    String owner,
    String prefix,
    ApiTokenScope scope,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  public boolean readOnly() {
    return scope == ApiTokenScope.READ_ONLY;
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
