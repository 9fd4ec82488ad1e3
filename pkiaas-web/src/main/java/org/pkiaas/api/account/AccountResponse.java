package org.pkiaas.api.account;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.identity.Role;
import org.pkiaas.tenant.entity.Account;

public record AccountResponse(
    String id,
    String username,
    @Schema(implementation = Role.class) String role,
    Instant createdAt) {

  static AccountResponse of(Account account) {
    return new AccountResponse(
        account.id(), account.username(), account.role().name(), account.createdAt());
  }
}
