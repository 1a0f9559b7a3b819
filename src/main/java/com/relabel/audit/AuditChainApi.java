package com.relabel.audit;

import com.relabel.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifies the audit trail's hash chain over the REST API (admins; decision 0027). */
@RestController
@Tag(name = "Audit")
class AuditChainApi {

  private final AuditChainVerifier verifier;

  AuditChainApi(AuditChainVerifier verifier) {
    this.verifier = verifier;
  }

  @GetMapping("/api/v1/audit/chain")
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  @Operation(
      summary = "Verify the audit trail's hash chain (admins)",
      description =
          "Walks every audit row, oldest first. intact is false when a row was changed or removed"
              + " since it was written; brokenRowId then names the first row that does not check"
              + " out, and problem says what is wrong. entries: the rows checked; lastHash: the"
              + " last row's hash, to note outside the database. The same check as the command"
              + " line's audit-verify.")
  AuditChainReport chain() throws SQLException {
    return verifier.verify();
  }
}
