package org.pkiaas.api.acme;

import java.time.Instant;
import org.pkiaas.acme.entity.ExternalAccountBinding;

/**
 * An external account binding; {@code hmacKey} is present only in the answer that created it.
 * {@code kid} is what ACME clients take as the EAB key identifier.
 */
public record EabResponse(
    String id,
    String kid,
    String policyId,
    String name,
    String algorithm,
    int allowedUses,
    int used,
    Instant expiresAt,
    Instant createdAt,
    String hmacKey,
    String directoryUrl) {

  static EabResponse of(ExternalAccountBinding binding, String hmacKey, String directoryUrl) {
    return new EabResponse(
        binding.id(),
        binding.id(),
        binding.policyId(),
        binding.name(),
        binding.algorithm().name(),
        binding.allowedUses(),
        binding.used(),
        binding.expiresAt(),
        binding.createdAt(),
        hmacKey,
        directoryUrl);
  }
}
