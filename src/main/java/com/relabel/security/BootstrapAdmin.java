package com.relabel.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a fresh production database there is nobody to log in: when {@code
 * relabel.bootstrap.admin-password} is set (e.g. via RELABEL_ADMIN_PASSWORD) and no user exists,
 * create the first admin.
 */
@Component
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

  private final UserAccounts accounts;
  private final String username;
  private final String password;

  BootstrapAdmin(
      UserAccounts accounts,
      @Value("${relabel.bootstrap.admin-username:admin}") String username,
      @Value("${relabel.bootstrap.admin-password:}") String password) {
    this.accounts = accounts;
    this.username = username;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!password.isBlank() && accounts.isEmpty()) {
      accounts.createIfMissing(username, password, Role.ADMIN);
      log.info("Created the first admin '{}' from relabel.bootstrap.admin-password", username);
    }
  }
}
