package com.relabel.support;

import com.relabel.security.ApiTokenScope;
import com.relabel.security.ApiTokens;
import com.relabel.security.AppUser;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The accounts and API tokens a test sets up through the real services: log in as someone on the
 * test's thread, act as the first admin ({@code root}), make a fresh account with its own token.
 * One fixture for every test that needs them, instead of a copy in each.
 */
public final class TestAccounts {

  /** The first admin every test context has (from {@code relabel.security.initial-admin}). */
  public static final String ROOT = "root";

  private final UserAccounts accounts;
  private final ApiTokens tokens;
  private final SecurityContextHolderStrategy contexts;

  public TestAccounts(
      UserAccounts accounts, ApiTokens tokens, SecurityContextHolderStrategy contexts) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.contexts = contexts;
  }

  /** Logs {@code user} in with {@code role} (ADMIN, ANNOTATOR, ...) on this thread. */
  public void login(String user, String role) {
    var auth =
        new UsernamePasswordAuthenticationToken(
            user, "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role));
    contexts.getContext().setAuthentication(auth);
    SecurityContextHolder.getContext().setAuthentication(auth);
  }

  public void logout() {
    contexts.clearContext();
    SecurityContextHolder.clearContext();
  }

  /** Runs {@code action} as {@code user} with {@code role}, logged out afterwards. */
  public <T> T as(String user, String role, Supplier<T> action) {
    login(user, role);
    try {
      return action.get();
    } finally {
      logout();
    }
  }

  public <T> T asAdmin(Supplier<T> action) {
    return as(ROOT, "ADMIN", action);
  }

  public void asAdmin(Runnable action) {
    asAdmin(
        () -> {
          action.run();
          return null;
        });
  }

  /** The account named {@code username}. */
  public AppUser user(String username) {
    return asAdmin(() -> accounts.all()).stream()
        .filter(u -> u.getUsername().equals(username))
        .findFirst()
        .orElseThrow();
  }

  /** A new admin account named {@code username}, made by {@link #ROOT}. */
  public AppUser newAdmin(String username) {
    return asAdmin(() -> accounts.create(username, "password-" + username, Role.ADMIN));
  }

  /**
   * A full token of a new account named {@code username} with {@code role}: the account is made as
   * an admin, makes its token, then is given the role.
   */
  public String tokenOf(String username, Role role) {
    return tokenOf(username, role, ApiTokenScope.FULL);
  }

  /** As {@link #tokenOf(String, Role)}, with the token's scope. */
  public String tokenOf(String username, Role role, ApiTokenScope scope) {
    long id = newAdmin(username).getId();
    String token =
        as(username, "ADMIN", () -> tokens.create(username + "'s pipeline", scope).token());
    if (role != Role.ADMIN) {
      asAdmin(() -> accounts.changeRole(id, role));
    }
    return token;
  }
}
