package com.relabel.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.relabel.security.AppUser;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Account management: admins only, hashed passwords, and the last admin stays. */
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:flow;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
      "relabel.jobs.poll-interval=200ms"
    })
class UserAccountsTest {

  @Autowired UserAccounts accounts;
  @Autowired PasswordEncoder encoder;
  @Autowired SecurityContextHolderStrategy securityContexts;

  @AfterEach
  void logout() {
    TestLogins.logout(securityContexts);
  }

  @Test
  void adminsCreateAccountsWithHashedPasswordsAndCanDisableThem() {
    TestLogins.loginAs(securityContexts, "root", "ADMIN");
    AppUser dora = accounts.create("dora", "dora-password", Role.ANNOTATOR);

    UserDetails details = accounts.loadUserByUsername("dora");
    assertThat(details.getPassword()).startsWith("{bcrypt}").doesNotContain("dora-password");
    assertThat(encoder.matches("dora-password", details.getPassword())).isTrue();
    assertThat(details.getAuthorities())
        .extracting(Object::toString)
        .containsExactly("ROLE_ANNOTATOR");

    accounts.setEnabled(dora.getId(), false);
    assertThat(accounts.loadUserByUsername("dora").isEnabled()).isFalse();
    assertThat(accounts.isActive("dora")).isFalse();

    accounts.resetPassword(dora.getId(), "another-password");
    assertThat(
            encoder.matches("another-password", accounts.loadUserByUsername("dora").getPassword()))
        .isTrue();
  }

  @Test
  void disablingAnAccountEndsItsRememberedActiveStateAtOnce() {
    TestLogins.loginAs(securityContexts, "root", "ADMIN");
    AppUser erin = accounts.create("erin.cache", "erin-password", Role.ANNOTATOR);
    assertThat(accounts.isActive("erin.cache")).isTrue(); // now remembered for a few seconds
    assertThat(accounts.isActive("erin.cache")).isTrue();

    accounts.setEnabled(erin.getId(), false);
    assertThat(accounts.isActive("erin.cache")).isFalse();
    assertThat(accounts.isActive("erin.cache")).isFalse();

    accounts.setEnabled(erin.getId(), true);
    assertThat(accounts.isActive("erin.cache")).isTrue();
    assertThat(accounts.isActive("nobody-of-that-name")).isFalse();
  }

  @Test
  void badInputIsRefusedWithAReason() {
    TestLogins.loginAs(securityContexts, "root", "ADMIN");
    assertThatThrownBy(() -> accounts.create("x", "long-enough-pw", Role.ANNOTATOR))
        .hasMessageContaining("2 to 64");
    assertThatThrownBy(() -> accounts.create("eve", "short", Role.ANNOTATOR))
        .hasMessageContaining("at least 8");
    accounts.create("frank", "frank-password", Role.ANNOTATOR);
    assertThatThrownBy(() -> accounts.create("frank", "frank-password", Role.ANNOTATOR))
        .hasMessageContaining("already exists");
  }

  @Test
  void theLastActiveAdminCannotBeDemotedOrDisabled() {
    TestLogins.loginAs(securityContexts, "root", "ADMIN");
    AppUser solo = accounts.create("solo-admin", "solo-password", Role.ADMIN);
    accounts.all().stream()
        .filter(u -> u.getRole() == Role.ADMIN && !u.getId().equals(solo.getId()))
        .forEach(u -> accounts.setEnabled(u.getId(), false));

    assertThatThrownBy(() -> accounts.setEnabled(solo.getId(), false))
        .hasMessageContaining("last active admin");
    assertThatThrownBy(() -> accounts.changeRole(solo.getId(), Role.ANNOTATOR))
        .hasMessageContaining("last active admin");
  }

  @Test
  void annotatorsCannotManageAccounts() {
    TestLogins.loginAs(securityContexts, "anna", "ANNOTATOR");
    assertThatThrownBy(() -> accounts.all()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> accounts.create("mallory", "mallory-pw", Role.ADMIN))
        .isInstanceOf(AccessDeniedException.class);
  }
}
