package org.pkiaas.api.issuance;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pkiaas.ct.boundary.CtAttempts;
import org.pkiaas.ct.entity.CtAttempt;
import org.pkiaas.pem.Pem;

/**
 * A CT submission that stopped an issuance: when, what each log answered (one line a log), and the
 * precertificate the logs were sent (RFC 6962 §3.1). In a CA's list, also what it was for: {@code
 * origin} is {@code request}, {@code acme_order} or {@code unknown}, {@code requestId} the
 * request's or the order's id, {@code subject} the request's subject or the order's names. {@code
 * channel} is the issuance channel the request came through, in lower case ({@code admin_csr},
 * {@code pre_approved}, {@code claim}, {@code renewal}, {@code acme}, {@code scep}, {@code est},
 * …), absent for attempts recorded before PKIaaS kept it.
 */
public record CtAttemptResponse(
    String id,
    String requestId,
    String templateId,
    String channel,
    String origin,
    String subject,
    Instant at,
    List<String> answers,
    String precertificatePem) {

  static CtAttemptResponse of(CtAttempt attempt) {
    return of(attempt, null, null);
  }

  static CtAttemptResponse listed(CtAttempts.Recorded recorded) {
    return of(
        recorded.attempt(), recorded.origin().name().toLowerCase(Locale.ROOT), recorded.subject());
  }

  private static CtAttemptResponse of(CtAttempt attempt, String origin, String subject) {
    return new CtAttemptResponse(
        attempt.id(),
        attempt.requestId(),
        attempt.templateId(),
        attempt.channel() == null ? null : attempt.channel().toLowerCase(Locale.ROOT),
        origin,
        subject,
        attempt.createdAt(),
        List.of(attempt.answers().split("\n")),
        Pem.certificate(attempt.precertificate()));
  }
}
