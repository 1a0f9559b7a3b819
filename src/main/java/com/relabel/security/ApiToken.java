package com.relabel.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token that a pipeline sends to the REST API; only its hash is stored. */
@Entity
@Table(name = "api_token")
class ApiToken {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "user_id")
  private AppUser owner;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "token_prefix", nullable = false, length = 16)
  private String tokenPrefix;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ApiTokenScope scope;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  ApiToken(AppUser owner, String name, String tokenHash, String tokenPrefix, ApiTokenScope scope) {
    this.owner = owner;
    this.scope = scope;
    this.name = name;
    this.tokenHash = tokenHash;
    this.tokenPrefix = tokenPrefix;
    this.createdAt = Instant.now();
  }

  Long getId() {
    return id;
  }

  AppUser getOwner() {
    return owner;
  }

  ApiTokenScope getScope() {
    return scope;
  }

  Instant getLastUsedAt() {
    return lastUsedAt;
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  void revoke() {
    if (revokedAt == null) {
      revokedAt = Instant.now();
    }
  }

  ApiTokenInfo info() {
    return new ApiTokenInfo(
        id, name, owner.getUsername(), tokenPrefix, scope, createdAt, lastUsedAt, revokedAt);
  }
}
