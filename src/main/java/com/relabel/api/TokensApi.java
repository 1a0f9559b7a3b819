package com.relabel.api;

import com.relabel.security.ApiTokenInfo;
import com.relabel.security.ApiTokenScope;
import com.relabel.security.ApiTokens;
import com.relabel.security.NewApiToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * API tokens over the API (admins only), as the API tokens page manages them. A token is shown
 * once, in the answer that makes it; the list shows only its first characters.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens")
class TokensApi {

  /**
   * A new token: its name, its scope (full, the default, or read-only) and the account it acts as
   * (the caller, the default, or an enabled annotator).
   */
  record TokenRequest(String name, String scope, String owner) {}

  private final ApiTokens tokens;

  TokensApi(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping
  @Operation(summary = "Every token, newest first, without its secret (admins)")
  List<ApiTokenInfo> list() {
    return tokens.all();
  }

  @PostMapping
  @Operation(
      summary = "Make a token; the answer holds it, once (admins)",
      description =
          "Body: {\"name\", \"scope\": full|read-only, \"owner\": the account it acts as (you, or"
              + " an enabled annotator)}")
  ResponseEntity<NewApiToken> create(@RequestBody(required = false) JsonNode body) {
    TokenRequest asked = ApiJson.read(body, TokenRequest.class, "a new token");
    if (asked == null || asked.name() == null) {
      throw ApiJson.missing("name", "1 to 100 characters that say what the token is for");
    }
    NewApiToken made = tokens.createFor(asked.owner(), asked.name(), scope(asked.scope()));
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + made.id())).body(made);
  }

  @DeleteMapping("/{tokenId}")
  @Operation(summary = "Revoke a token at once, on every node (admins)")
  ResponseEntity<Void> revoke(@PathVariable long tokenId) {
    tokens.revoke(tokenId);
    return ResponseEntity.noContent().build();
  }

  private static ApiTokenScope scope(String name) {
    if (name == null) {
      return ApiTokenScope.FULL;
    }
    return switch (name.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "full" -> ApiTokenScope.FULL;
      case "read-only" -> ApiTokenScope.READ_ONLY;
      default ->
          throw new IllegalArgumentException(
              "field 'scope': unknown scope '" + name + "'; known: full, read-only");
    };
  }
}
