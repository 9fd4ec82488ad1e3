package org.pkiaas.issuance.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.issuance.boundary.ClaimLink;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.mail.boundary.Mailer;
import org.pkiaas.tenant.control.PasswordHasher;

/**
 * Claim links: a 256-bit random token, of which only the SHA-256 is stored, in the fragment of
 * {@code <public URL>/claim.html#token} so it never reaches access logs.
 */
@Dependent
public class ClaimLinks {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject PkiaasConfig config;

  @Inject Mailer mailer;

  /**
   * Opens a fresh link for an approved request (replacing any earlier one) and mails it when there
   * is an address.
   */
  public ClaimLink offer(CertificateRequest request, String templateName) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expiresAt =
        Instant.now()
            .plus(config.claimValidityDays(), ChronoUnit.DAYS)
            .truncatedTo(ChronoUnit.SECONDS);
    request.offerClaim(hash(token), expiresAt);
    ClaimLink link = new ClaimLink(token, config.publicUrl() + "/claim.html#" + token, expiresAt);
    if (request.requesterEmail() != null) {
      mailer.queue(
          request.requesterEmail(),
          "Your certificate is ready to claim",
          "Hello,\n\nA certificate ("
              + templateName
              + ") has been approved for you"
              + (request.approvedSubjectDn() == null || request.approvedSubjectDn().isBlank()
                  ? ""
                  : ": " + request.approvedSubjectDn())
              + ".\n\nClaim it here before "
              + expiresAt
              + ":\n\n  "
              + link.url()
              + "\n\nYou can let your browser create the key and download a password-protected file,"
              + " or submit your own certificate signing request.\nThe link works once.\n");
    }
    return link;
  }

  public static String hash(String token) {
    return PasswordHasher.sha256Hex(token);
  }
}
