package com.relabel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration 22 (decision 0032): tokens made before scopes existed keep every right they had, so
 * they read as FULL; a scope other than FULL or READ_ONLY cannot be stored.
 */
class ApiTokenScopeMigrationTest {

  @Test
  void tokensMadeBeforeScopesReadAsFull() {
    var old = new JdbcDataSource();
    old.setURL("jdbc:h2:mem:token-scope-migration;DB_CLOSE_DELAY=-1");
    old.setUser("sa");
    flyway(old, "21").migrate();
    var db = new JdbcTemplate(old);
    db.update(
        "insert into app_user (username, password_hash, role, enabled, created_at, version)"
            + " values ('pipeline', 'x', 'ADMIN', true, current_timestamp, 0)");
    long userId = db.queryForObject("select id from app_user", Long.class);
    db.update(
        "insert into api_token (user_id, name, token_hash, token_prefix, created_at)"
            + " values (?, 'nightly', ?, 'abcdef', current_timestamp)",
        userId,
        "0".repeat(64));

    flyway(old, "22").migrate();

    assertThat(db.queryForObject("select scope from api_token", String.class)).isEqualTo("FULL");
    assertThat(
            ApiTokenScope.valueOf(db.queryForObject("select scope from api_token", String.class)))
        .isEqualTo(ApiTokenScope.FULL);
    assertThatThrownBy(
            () ->
                db.update(
                    "insert into api_token (user_id, name, token_hash, token_prefix, created_at,"
                        + " scope) values (?, 'x', ?, 'abcdef', current_timestamp, 'ADMIN')",
                    userId,
                    "1".repeat(64)))
        .hasMessageContaining("CK_API_TOKEN_SCOPE");
  }

  private static Flyway flyway(JdbcDataSource db, String target) {
    return Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/migration/common", "classpath:db/migration/h2")
        .target(target)
        .load();
  }
}
