package com.relabel.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user accounts stored in the database; also Spring Security's source of users. */
@Service
@Transactional(readOnly = true)
public class UserAccounts implements UserDetailsService {

  private final AppUserRepository users;
  private final PasswordEncoder passwordEncoder;

  UserAccounts(AppUserRepository users, PasswordEncoder passwordEncoder) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
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
