package org.pkiaas.api.acme;

import java.time.Instant;
import org.pkiaas.acme.entity.AcmePolicy;

/**
 * An ACME policy as the API shows it; {@code directoryUrl} is the one ACME directory every account
 * uses.
 */
public record AcmePolicyResponse(
    String id,
    String caId,
    String name,
    String templateId,
    String preApprovedDomains,
    String directoryUrl,
    Instant createdAt) {

  static AcmePolicyResponse of(AcmePolicy policy, String directoryUrl) {
    return new AcmePolicyResponse(
        policy.id(),
        policy.caId(),
        policy.name(),
        policy.templateId(),
        policy.preApprovedDomains(),
        directoryUrl,
        policy.createdAt());
  }
}
