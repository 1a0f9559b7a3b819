package com.relabel.api;

import com.relabel.security.AppUser;
import com.relabel.security.Role;
import com.relabel.security.UserAccounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * User accounts over the API (admins only: the API's filter chain and the service both say so), as
 * the users page manages them.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UsersApi {

  /** An account as the API shows it; never its password hash. */
  record ApiUser(long id, String username, String role, boolean enabled, Instant createdAt) {
    static ApiUser of(AppUser user) {
      return new ApiUser(
          user.getId(),
          user.getUsername(),
          user.getRole().name().toLowerCase(Locale.ROOT),
          user.isEnabled(),
          user.getCreatedAt());
    }
  }

  /** A new account: name, password (at least 8 characters) and role (admin or annotator). */
  record NewUser(String username, String password, String role) {}

  private final UserAccounts accounts;

  UsersApi(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping
  @Operation(summary = "Every account, by name (admins)")
  List<ApiUser> list() {
    return accounts.all().stream().map(ApiUser::of).toList();
  }

  @PostMapping
  @Operation(
      summary = "Create an account (admins)",
      description = "Body: {\"username\", \"password\" (8+ characters), \"role\": admin|annotator}")
  ResponseEntity<ApiUser> create(@RequestBody(required = false) JsonNode body) {
    NewUser asked = ApiJson.read(body, NewUser.class, "a new user");
    if (asked == null || asked.username() == null) {
      throw ApiJson.missing("username", "2 to 64 letters, digits, dots, dashes or underscores");
    }
    if (asked.password() == null) {
      throw ApiJson.missing("password", "at least 8 characters");
    }
    if (asked.role() == null) {
      throw ApiJson.missing("role", "admin or annotator");
    }
    AppUser made = accounts.create(asked.username(), asked.password(), role(asked.role()));
    return ResponseEntity.created(URI.create("/api/v1/users/" + made.getUsername()))
        .body(ApiUser.of(made));
  }

  @PostMapping("/{username}/disable")
  @Operation(summary = "Disable an account: its sessions and tokens stop working (admins)")
  ApiUser disable(@PathVariable String username) {
    return ApiUser.of(accounts.disable(username));
  }

  private static Role role(String name) {
    try {
      return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "field 'role': unknown role '"
              + name
              + "'; known: "
              + Arrays.stream(Role.values())
                  .map(r -> r.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }
  }
}
