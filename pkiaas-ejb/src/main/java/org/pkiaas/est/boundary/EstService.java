package org.pkiaas.est.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.est.boundary.EstTemplates.EstTemplate;
import org.pkiaas.est.control.CsrAttrs;
import org.pkiaas.est.control.EstBase64;
import org.pkiaas.est.control.EstFailure;
import org.pkiaas.est.control.SimplePkiRequest;
import org.pkiaas.est.control.SimplePkiResponse;
import org.pkiaas.est.entity.EstSecret;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.pem.Pem;
import org.pkiaas.tenant.control.AnonymousRateLimits;
import org.pkiaas.tenant.control.RateLimit;
import org.pkiaas.x509.Der;

/**
 * The EST server of one template (RFC 7030 §4): the CA certificates, the CSR attributes, and
 * simpleenroll with HTTP Basic authentication against the template's EST credentials (§3.2.3). A
 * refusal is an {@link EstFailure} (an HTTP status and a text), audited for the CA's owner and
 * counted. Runs outside a transaction: an enrollment commits or rolls back on its own ({@link
 * EstEnrollments}), so a refused request leaves nothing behind but its audit event.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EstService {

  /** How long a client waits before it sends a pending request again (§4.2.3 Retry-After). */
  public static final int RETRY_AFTER_SECONDS = 60;

  @PersistenceContext EntityManager em;

  @Inject EstTemplates templates;

  @Inject EstEnrollments enrollments;

  @Inject AnonymousRateLimits limits;

  @Inject AuditLog auditLog;

  @Inject PkiMetrics metrics;

  /** HTTP Basic credentials as the client sent them; null fields when it sent none. */
  public record Credentials(String username, String password) {}

  /** A simpleenroll answer: a certs-only body, or none while the request waits (202). */
  public record Enrolled(byte[] body) {

    public boolean pending() {
      return body == null;
    }
  }

  /**
   * cacerts (§4.1): the CA certificate and the CA's issuers, for the client's explicit trust anchor
   * database; no authentication (§4.1.1).
   */
  public byte[] caCertificates(String label, String clientAddress) {
    limits.admit(RateLimit.Kind.EST, clientAddress);
    CertificateAuthority ca = templates.open(label).ca();
    List<X509CertificateHolder> certificates = new ArrayList<>();
    certificates.add(Der.certificate(ca.certificate()));
    if (ca.chainPem() != null && !ca.chainPem().isBlank()) {
      certificates.addAll(Pem.certificates("chain", ca.chainPem()));
    }
    return SimplePkiResponse.encode(certificates);
  }

  /** csrattrs (§4.5): what the template accepts, base64. */
  public byte[] csrAttributes(String label, String clientAddress) {
    limits.admit(RateLimit.Kind.EST, clientAddress);
    EstTemplate est = templates.open(label);
    return EstBase64.encode(CsrAttrs.of(est.template().settings().requests()));
  }

  /**
   * simpleenroll (§4.2.1): authenticates the client with the template's EST credentials (401
   * otherwise, §3.2.3), then enrolls the CSR in {@code body}.
   */
  public Enrolled enroll(String label, Credentials credentials, byte[] body, String clientAddress) {
    return answer("est.enroll", label, credentials, body, clientAddress, enrollments::enroll);
  }

  /**
   * simplereenroll (§4.2.2): authenticated as simpleenroll; the CSR must be signed with the key of
   * the certificate it renews and ask for its subject and names ({@link EstEnrollments#reenroll}).
   */
  public Enrolled reenroll(
      String label, Credentials credentials, byte[] body, String clientAddress) {
    return answer(
        "est.reenroll",
        label,
        credentials,
        body,
        clientAddress,
        (est, csr, username) ->
            new EstEnrollments.Outcome(enrollments.reenroll(est, csr, username)));
  }

  private interface Operation {
    EstEnrollments.Outcome apply(EstTemplate est, SimplePkiRequest csr, String username);
  }

  private Enrolled answer(
      String action,
      String label,
      Credentials credentials,
      byte[] body,
      String clientAddress,
      Operation operation) {
    limits.admit(RateLimit.Kind.EST, clientAddress);
    EstTemplate est = templates.open(label);
    try {
      authenticate(est, credentials);
      SimplePkiRequest csr = SimplePkiRequest.decode(body);
      EstEnrollments.Outcome outcome = operation.apply(est, csr, credentials.username());
      metrics.estEnrollment(outcome.pending() ? "pending" : "issued");
      return new Enrolled(
          outcome.pending()
              ? null
              : SimplePkiResponse.encode(List.of(Der.certificate(outcome.certificate().der()))));
    } catch (EstFailure failure) {
      metrics.estEnrollment("failed");
      auditLog.failure(
          null,
          action,
          "TEMPLATE",
          est.template().id(),
          est.ca().id(),
          failure.status().code() + ": " + failure.getMessage());
      throw failure;
    }
  }

  private void authenticate(EstTemplate est, Credentials credentials) {
    EstSecret secret = em.find(EstSecret.class, est.template().id());
    if (credentials == null || credentials.username() == null) {
      throw new EstFailure(EstFailure.Status.UNAUTHORIZED, "Authenticate with HTTP Basic");
    }
    if (secret == null || !secret.matches(credentials.username(), credentials.password())) {
      throw new EstFailure(
          EstFailure.Status.UNAUTHORIZED, "The EST username or password is not accepted");
    }
  }
}
