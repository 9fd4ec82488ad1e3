package org.pkiaas.issuance.control;

import java.util.Objects;
import org.pkiaas.issuance.control.CertificateProfile.Request;

/**
 * One request as the intake policy sees it: the channel, what the requester sent (key, and the
 * CSR's subject, names and extensions, all unverified) and what the channel verified.
 */
public record Intake(Channel channel, Request request, Evidence evidence) {

  public Intake {
    Objects.requireNonNull(channel);
    Objects.requireNonNull(request);
    Objects.requireNonNull(evidence);
    boolean fits =
        switch (channel) {
          case ADMIN_CSR, PUBLIC_REQUEST -> evidence instanceof Evidence.AdminDecision;
          case PRE_APPROVED, CLAIM, HTTPS_SERVER -> evidence instanceof Evidence.PreApproved;
          case RENEWAL -> evidence instanceof Evidence.ProvenKey;
          case ACME -> evidence instanceof Evidence.ValidatedIdentifiers;
          case EST -> evidence instanceof Evidence.SharedSecret;
          case SCEP ->
              evidence instanceof Evidence.SharedSecret || evidence instanceof Evidence.PreApproved;
        };
    if (!fits) {
      throw new IllegalArgumentException(
          channel + " does not prove " + evidence.getClass().getSimpleName());
    }
  }
}
