package org.pkiaas.api.ca;

import jakarta.validation.constraints.Size;
import org.pkiaas.input.PlainText;

/**
 * A certificate the CA issued from a Timestamping template, and its private key, for the CA's
 * time-stamp authority to sign with.
 */
public record TimestampingCertificateRequest(
    @Size(max = 64, message = "A certificate id has at most {max} characters") @PlainText
        String certificateId,
    @Size(max = 65536, message = "A PEM key has at most {max} characters")
        @PlainText(multiline = true)
        String privateKeyPem,
    @Size(max = 1024, message = "A password has at most {max} characters")
        String privateKeyPassword) {

  @Override
  public String toString() {
    // Never print the key or its password.
    return "TimestampingCertificateRequest[certificateId=" + certificateId + "]";
  }
}
