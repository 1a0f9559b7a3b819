package com.relabel.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for pipelines. A token is {@value #PREFIX} followed by 43 characters of randomness
 * (256 bits); only its SHA-256 hash is stored, so a leaked database holds no usable token, and a
 * plain hash is enough because the token is random, not a password. A token acts as the admin who
 * made it, with that account's role at the time of each request, limited by its {@link
 * ApiTokenScope}: a read-only token may only read.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

  /** Every token starts with this, so secret scanners and people can recognise it. */
  public static final String PREFIX = "rlb_";

  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiTokenRepository tokens;
  private final AppUserRepository users;

  ApiTokens(ApiTokenRepository tokens, AppUserRepository users) {
    this.tokens = tokens;
    this.users = users;
  }

  /** Makes a {@link ApiTokenScope#FULL full} token for the admin who asks. */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public NewApiToken create(String name) {
    return create(name, ApiTokenScope.FULL);
  }

  /**
   * Makes a token with this scope for the admin who asks; the returned token is the only copy there
   * will be.
   */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public NewApiToken create(String name, ApiTokenScope scope) {
    return createFor(CurrentUser.username(), name, scope);
  }

  /**
   * Makes a token with this scope that acts as {@code owner}: the admin who asks, or an enabled
   * annotator (a labelling tool that reviews in that annotator's name, decision 0034). A token for
   * another admin is refused: it would let one admin act in another's name.
   */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public NewApiToken createFor(String owner, String name, ApiTokenScope scope) {
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 100) {
      throw new IllegalArgumentException("a token's name has 1 to 100 characters");
    }
    if (scope == null) {
      throw new IllegalArgumentException("choose a token's scope: Full or Read-only");
    }
    AppUser actsAs = actingAccount(owner);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiToken saved =
        tokens.save(
            new ApiToken(
                actsAs,
                label,
                hash(token),
                token.substring(PREFIX.length(), PREFIX.length() + 6),
                scope));
    return new NewApiToken(saved.getId(), label, actsAs.getUsername(), scope, token);
  }

  private AppUser actingAccount(String owner) {
    String me = CurrentUser.username();
    if (owner == null || owner.equals(me)) {
      return users
          .findByUsername(me)
          .orElseThrow(() -> new IllegalStateException("no account for the current user"));
    }
    AppUser other =
        users
            .findByUsername(owner)
            .orElseThrow(() -> new IllegalArgumentException("no user named '" + owner + "'"));
    if (other.getRole() != Role.ANNOTATOR || !other.isEnabled()) {
      throw new IllegalArgumentException(
          "a token may act as yourself or as an enabled annotator; '" + owner + "' is not one");
    }
    return other;
  }

  /** Every token, newest first (admins only). */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public List<ApiTokenInfo> all() {
    return tokens.findAllByOrderByIdDesc().stream().map(ApiToken::info).toList();
  }

  /** Revokes a token at once, on every node: the next request with it is refused. */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public void revoke(long tokenId) {
    tokens
        .findById(tokenId)
        .orElseThrow(() -> new NoSuchElementException("no API token " + tokenId))
        .revoke();
  }

  /**
   * The authentication that a request with this token carries: empty for an unknown or revoked
   * token and for a disabled owner. Its authorities are the owner's role and, for a read-only
   * token, {@value ApiTokenScope#READ_ONLY_AUTHORITY}.
   */
  @Transactional
  Optional<Authentication> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Optional<ApiToken> found = tokens.findByTokenHash(hash(token));
    if (found.isEmpty() || found.get().isRevoked() || !found.get().getOwner().isEnabled()) {
      return Optional.empty();
    }
    ApiToken apiToken = found.get();
    Instant now = Instant.now();
    Instant before = now.minus(TOUCH_INTERVAL);
    // the row just read says whether a write is due: most requests then write nothing (the
    // conditional update still keeps two nodes from both writing within the interval)
    if (apiToken.getLastUsedAt() == null || apiToken.getLastUsedAt().isBefore(before)) {
      tokens.touch(apiToken.getId(), now, before);
    }
    AppUser owner = apiToken.getOwner();
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_" + owner.getRole().name()));
    if (apiToken.getScope() == ApiTokenScope.READ_ONLY) {
      authorities.add(new SimpleGrantedAuthority(ApiTokenScope.READ_ONLY_AUTHORITY));
    }
    var principal = new User(owner.getUsername(), "", authorities);
    return Optional.of(new PreAuthenticatedAuthenticationToken(principal, null, authorities));
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
