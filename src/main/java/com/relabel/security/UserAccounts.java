package com.relabel.security;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The user accounts stored in the database; also Spring Security's source of users. */
@Service
@Transactional(readOnly = true)
public class UserAccounts implements UserDetailsService {

  private final AppUserRepository users;
  private final PasswordEncoder passwordEncoder;
  private final ActiveAccounts active;

  UserAccounts(
      AppUserRepository users,
      PasswordEncoder passwordEncoder,
      @Value("${relabel.security.active-check-period:5s}") Duration activeCheckPeriod,
      @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    // an account disabled here is refused during an outage for as long as a session may idle
    this.active = new ActiveAccounts(activeCheckPeriod, sessionTimeout);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    AppUser user =
        users
            .findByUsername(username)
            .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    return User.withUsername(user.getUsername())
        .password(user.getPasswordHash())
        .disabled(!user.isEnabled())
        .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole().name())))
        .build();
  }

  /** Every account, by name (admins only). */
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public List<AppUser> all() {
    return users.findAll(Sort.by("username"));
  }

  /** Creates an account (admins only); the password is stored hashed. */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public AppUser create(String username, String rawPassword, Role role) {
    String name = username == null ? "" : username.trim();
    if (!name.matches("[A-Za-z0-9._-]{2,64}")) {
      throw new IllegalArgumentException(
          "a user name has 2 to 64 letters, digits, dots, dashes or underscores");
    }
    if (users.findByUsername(name).isPresent()) {
      throw new IllegalArgumentException("a user named '" + name + "' already exists");
    }
    return users.save(new AppUser(name, passwordEncoder.encode(checked(rawPassword)), role));
  }

  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public void changeRole(long userId, Role role) {
    AppUser user = byId(userId);
    if (user.getRole() == Role.ADMIN && role != Role.ADMIN) {
      requireAnotherActiveAdmin(user);
    }
    user.changeRole(role);
  }

  /** Disables or re-enables an account; a disabled user is logged out at their next request. */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public void setEnabled(long userId, boolean enabled) {
    AppUser user = byId(userId);
    if (!enabled && user.getRole() == Role.ADMIN) {
      requireAnotherActiveAdmin(user);
    }
    user.changeEnabled(enabled);
    if (!enabled) {
      forgetNowAndAfterCommit(user.getUsername());
    }
  }

  /**
   * Forgets that the account was active: now, and again once the change is committed, so that a
   * request that read the account between the two cannot keep it "active" for a whole period.
   */
  private void forgetNowAndAfterCommit(String username) {
    active.forget(username);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              active.forget(username);
            }
          });
    }
  }

  /**
   * Disables the account named {@code username} (admins only), as {@link #setEnabled} does.
   *
   * @throws NoSuchElementException if there is no such account
   */
  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public AppUser disable(String username) {
    AppUser user =
        users
            .findByUsername(username)
            .orElseThrow(() -> new NoSuchElementException("no user named '" + username + "'"));
    setEnabled(user.getId(), false);
    return user;
  }

  @Transactional
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  public void resetPassword(long userId, String rawPassword) {
    byId(userId).changePasswordHash(passwordEncoder.encode(checked(rawPassword)));
  }

  /**
   * Whether the account was disabled on this node and not found active since; reads nothing. For
   * deciding while the database cannot be read, so it opens no transaction either: under the
   * class's read-only transaction it asked the pool for a connection first, and during an outage
   * the per-request check then failed the request with a 500 (which Vaadin's client sends again and
   * again, until the database is back and the action runs unseen).
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public boolean disabledHere(String username) {
    return active.disabledHere(username);
  }

  /**
   * Whether the account exists and may still use the application. An account found active is
   * remembered for {@code relabel.security.active-check-period} (5 s), unless it is disabled here
   * meanwhile: checked on every request, this reads the database about once per user and period. No
   * transaction of its own: the remembered answer needs no connection, and the lookup runs in the
   * repository's.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public boolean isActive(String username) {
    if (active.knownActive(username)) {
      return true;
    }
    boolean found = users.findByUsername(username).map(AppUser::isEnabled).orElse(false);
    if (found) {
      active.foundActive(username);
    }
    return found;
  }

  private AppUser byId(long userId) {
    return users
        .findById(userId)
        .orElseThrow(() -> new NoSuchElementException("no user " + userId));
  }

  private void requireAnotherActiveAdmin(AppUser user) {
    boolean another =
        users.findAll().stream()
            .anyMatch(
                u -> u.getRole() == Role.ADMIN && u.isEnabled() && !u.getId().equals(user.getId()));
    if (!another) {
      throw new IllegalArgumentException("the last active admin cannot be demoted or disabled");
    }
  }

  private static String checked(String rawPassword) {
    if (rawPassword == null || rawPassword.length() < 8) {
      throw new IllegalArgumentException("a password needs at least 8 characters");
    }
    return rawPassword;
  }

  public Optional<AppUser> find(String username) {
    return users.findByUsername(username);
  }

  public boolean isEmpty() {
    return users.count() == 0;
  }

  /**
   * Creates a user unless one with that name exists. Called at start-up (bootstrap admin, demo
   * users), never from a request, so it carries no role check.
   */
  @Transactional
  public AppUser createIfMissing(String username, String rawPassword, Role role) {
    return users
        .findByUsername(username)
        .orElseGet(
            () -> users.save(new AppUser(username, passwordEncoder.encode(rawPassword), role)));
  }
}
