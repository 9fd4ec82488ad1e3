package org.pkiaas.api.acme;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.acme.entity.AcmeAccount;

/** An ACME account registered under a policy. */
public record AcmeAccountResponse(
    String id,
    String policyId,
    String eabId,
    @Schema(enumeration = {"valid", "deactivated", "revoked"}) String status,
    List<String> contact,
    String keyThumbprint,
    Instant createdAt) {

  static AcmeAccountResponse of(AcmeAccount account) {
    return new AcmeAccountResponse(
        account.id(),
        account.policyId(),
        account.eabId(),
        account.status().json(),
        account.contacts(),
        account.keyThumbprint(),
        account.createdAt());
  }
}
