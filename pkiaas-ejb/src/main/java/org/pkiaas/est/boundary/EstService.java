package org.pkiaas.est.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.est.boundary.EstTemplates.EstTemplate;
import org.pkiaas.est.control.ChannelBinding;
import org.pkiaas.est.control.CsrAttrs;
import org.pkiaas.est.control.EstBase64;
import org.pkiaas.est.control.SimplePkiRequest;
import org.pkiaas.est.control.SimplePkiResponse;
import org.pkiaas.est.entity.EstSecret;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.pem.Pem;
import org.pkiaas.tenant.boundary.AnonymousRateLimits;
import org.pkiaas.tenant.boundary.RateLimit;
import org.pkiaas.x509.Der;

/**
 * The EST server of one template (RFC 7030 §4): the CA certificates, the CSR attributes,
 * simpleenroll with HTTP Basic authentication against the template's EST credentials (§3.2.3) or a
 * TLS client certificate of the CA, and simplereenroll with the renewed certificate (§3.3.2). A
 * refusal is an {@link EstFailure} (an HTTP status and a text), audited for the CA's owner and
 * counted. Runs outside a transaction: an enrollment commits or rolls back on its own ({@link
 * EstEnrollments}), so a refused request leaves nothing behind but its audit event.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EstService {

  /** How long a client waits before it sends a pending request again (§4.2.3 Retry-After). */
  public static final int RETRY_AFTER_SECONDS = 60;

  /** What {@link #caCertificates} answers: a certs-only CMS (RFC 7030 §4.1.3). */
  public static final String CACERTS_MEDIA_TYPE = SimplePkiResponse.MEDIA_TYPE;

  /** What {@link #csrAttributes} answers (RFC 7030 §4.5.2). */
  public static final String CSRATTRS_MEDIA_TYPE = CsrAttrs.MEDIA_TYPE;

  /** What an enrollment answers: the certificate in a certs-only CMS (RFC 7030 §4.2.3). */
  public static final String ENROLL_MEDIA_TYPE = SimplePkiResponse.ENROLL_MEDIA_TYPE;

  @PersistenceContext EntityManager em;

  @Inject EstTemplates templates;

  @Inject EstEnrollments enrollments;

  @Inject LoggedIssuance logged;

  @Inject EstClientCertificates clientCertificates;

  @Inject AnonymousRateLimits limits;

  @Inject AuditLog auditLog;

  @Inject PkiMetrics metrics;

  /** HTTP Basic credentials as the client sent them; null fields when it sent none. */
  public record Credentials(String username, String password) {}

  /**
   * What the TLS layer knows of the client.
   *
   * @param clientCertificate the DER of the certificate the client authenticated with, or null
   * @param tlsUnique the connection's tls-unique value (RFC 5929 §3), or null when there is none to
   *     tell (TLS 1.3) or the TLS layer keeps it to itself
   */
  public record Tls(byte[] clientCertificate, byte[] tlsUnique) {

    public static final Tls NONE = new Tls(null, null);
  }

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
    certificates.add(Der.issuerCertificate(ca.certificate()));
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
   * simpleenroll (§4.2.1): authenticates the client with the template's EST credentials (HTTP
   * Basic, §3.2.3), or, where the template allows it and no Basic credentials came, with a TLS
   * client certificate its CA issued (§3.3.2); 401 otherwise. Then enrolls the CSR in {@code body}.
   */
  public Enrolled enroll(
      String label, Credentials credentials, Tls tls, byte[] body, String clientAddress) {
    limits.admit(RateLimit.Kind.EST, clientAddress);
    EstTemplate est = templates.open(label);
    return audited(
        "est.enroll",
        est,
        () -> {
          boolean byCertificate =
              credentials == null
                  && tls.clientCertificate() != null
                  && est.template().settings().est().clientCertificate();
          if (!byCertificate) {
            authenticate(est, credentials);
            SimplePkiRequest csr = SimplePkiRequest.decode(body);
            return enrollments.enroll(est, csr, credentials.username(), "est-basic");
          }
          IssuedCertificate client = clientCertificates.ofCa(est, tls.clientCertificate());
          SimplePkiRequest csr = SimplePkiRequest.decode(body);
          ChannelBinding.check(csr, tls.tlsUnique());
          return enrollments.enroll(
              est, csr, "certificate:" + client.serialNumber(), "est-client-certificate");
        });
  }

  /**
   * simplereenroll (§4.2.2): authenticated by the TLS client certificate of the certificate it
   * renews (§3.3.2, {@link EstClientCertificates#renewed}); Basic credentials, when sent as well,
   * must be right. The CSR asks for that certificate's subject and names ({@link
   * EstEnrollments#reenroll}), and its tls-unique, if it carries one, must be this connection's
   * (§3.5).
   */
  public Enrolled reenroll(
      String label, Credentials credentials, Tls tls, byte[] body, String clientAddress) {
    limits.admit(RateLimit.Kind.EST, clientAddress);
    EstTemplate est = templates.open(label);
    return audited(
        "est.reenroll",
        est,
        () -> {
          if (credentials != null) {
            authenticate(est, credentials);
          }
          IssuedCertificate old = clientCertificates.renewed(est, tls.clientCertificate());
          SimplePkiRequest csr = SimplePkiRequest.decode(body);
          ChannelBinding.check(csr, tls.tlsUnique());
          return new EstEnrollments.Outcome(enrollments.reenroll(est, old, csr));
        });
  }

  /** A refusal is counted and audited for the CA's owner, then handed on. */
  private Enrolled audited(
      String action, EstTemplate est, Supplier<EstEnrollments.Outcome> operation) {
    try {
      // through a template with CT logs, no transaction is open while they answer
      EstEnrollments.Outcome outcome = logged.run(operation);
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
