package org.pkiaas.api.issuance;

import java.time.Instant;
import java.util.List;
import org.pkiaas.ct.entity.CtAttempt;
import org.pkiaas.pem.Pem;

/**
 * A CT submission that stopped the issuance of a request: when, what each log answered (one line a
 * log), and the precertificate the logs were sent (RFC 6962 §3.1).
 */
public record CtAttemptResponse(Instant at, List<String> answers, String precertificatePem) {

  static CtAttemptResponse of(CtAttempt attempt) {
    return new CtAttemptResponse(
        attempt.createdAt(),
        List.of(attempt.answers().split("\n")),
        Pem.certificate(attempt.precertificate()));
  }
}
