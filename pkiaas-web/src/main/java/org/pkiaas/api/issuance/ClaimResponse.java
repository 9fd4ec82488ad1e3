package org.pkiaas.api.issuance;

import java.time.Instant;
import org.pkiaas.api.certificate.IssuedCertificateResponse;
import org.pkiaas.issuance.boundary.CertificateRequests;

/**
 * An approved request with its claim link: {@code id} is the request's; {@code claimToken} and
 * {@code claimUrl} are shown this once (only a hash is kept). A pre-approval redeemed at once
 * carries the {@code certificate} instead.
 */
public record ClaimResponse(
    String id,
    RequestResponse request,
    String claimToken,
    String claimUrl,
    Instant expiresAt,
    IssuedCertificateResponse certificate) {

  static ClaimResponse of(CertificateRequests.Approval approval) {
    return new ClaimResponse(
        approval.request().id(),
        RequestResponse.of(approval.request()),
        approval.link().token(),
        approval.link().url(),
        approval.link().expiresAt(),
        null);
  }
}
