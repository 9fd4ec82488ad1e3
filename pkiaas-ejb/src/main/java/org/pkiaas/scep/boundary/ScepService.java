package org.pkiaas.scep.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.ca.boundary.CaRollovers;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.scep.boundary.ScepTemplates.ScepTemplate;
import org.pkiaas.scep.control.CertRep;
import org.pkiaas.scep.control.CertsOnly;
import org.pkiaas.scep.control.FailInfo;
import org.pkiaas.scep.control.MessageType;
import org.pkiaas.scep.control.NextCaCertificate;
import org.pkiaas.scep.control.Outcome;
import org.pkiaas.scep.control.PkcsPkiEnvelope;
import org.pkiaas.scep.control.PkiMessage;
import org.pkiaas.scep.control.RegistrationAuthorities;
import org.pkiaas.scep.control.ScepFailure;
import org.pkiaas.scep.control.ScepSettings;
import org.pkiaas.tenant.boundary.AnonymousRateLimits;
import org.pkiaas.tenant.boundary.RateLimit;
import org.pkiaas.x509.Der;

/**
 * The SCEP server of one template (RFC 8894 §3.5, §4): capabilities, the CA and RA certificates,
 * and PKIOperation. A request that names a signer is always answered with a signed CertRep, FAILURE
 * with failInfo and failInfoText when refused; only a message without a signer to answer is an HTTP
 * error. Runs outside a transaction: each step (the RA certificate, an enrollment) commits or rolls
 * back on its own, so a refused request leaves nothing behind.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScepService {

  /** GetCACaps (RFC 8894 §3.5.2); SHA-384 also makes strongSwan 5.9.8 offer AES, see docs. */
  public static final List<String> CAPABILITIES =
      List.of(
          "POSTPKIOperation",
          "Renewal",
          "SHA-1",
          "SHA-256",
          "SHA-384",
          "SHA-512",
          "AES",
          "DES3",
          "SCEPStandard");

  /** GetCACaps while the template's CA has a successor with its certificate (§3.5.2, §4.7). */
  public static final String NEXT_CA_CERT = "GetNextCACert";

  @Inject ScepTemplates templates;

  @Inject CaRollovers rollovers;

  @Inject RegistrationAuthorities authorities;

  @Inject ScepEnrollments enrollments;

  @Inject LoggedIssuance logged;

  @Inject ScepQueries queries;

  @Inject AnonymousRateLimits limits;

  @Inject AuditLog auditLog;

  @Inject PkiMetrics metrics;

  @Inject ScepSettings settings;

  /**
   * The template's GetCACaps answer: {@link #CAPABILITIES}, and {@code GetNextCACert} while its CA
   * has a successor with its certificate.
   */
  public List<String> capabilities(String templateId, String clientAddress) {
    ScepTemplate scep = templates.open(templateId, clientAddress, false);
    if (rollovers.next(scep.ca()).isEmpty()) {
      return CAPABILITIES;
    }
    List<String> capabilities = new ArrayList<>(CAPABILITIES);
    capabilities.add(NEXT_CA_CERT);
    return capabilities;
  }

  /**
   * GetNextCACert (RFC 8894 §4.7): the successor's CA certificate and its RA certificate (issued
   * now if it has none yet, and used once the successor is active), signed by the current RA. Not
   * found while the CA has no successor with a certificate.
   */
  public byte[] nextCaCertificate(String templateId, String clientAddress) {
    ScepTemplate scep = templates.open(templateId, clientAddress, false);
    CertificateAuthority next =
        rollovers
            .next(scep.ca())
            .orElseThrow(
                () ->
                    NotFoundException.because(
                        "This template's CA has no successor with a certificate: there is no next"
                            + " CA certificate (GetCACaps lists GetNextCACert when there is)"));
    RegistrationAuthorities.Ra current = authorities.current(scep.ca());
    return NextCaCertificate.signed(
        List.of(Der.certificate(next.certificate()), authorities.current(next).certificate()),
        current.certificate(),
        current.key());
  }

  /**
   * GetCACert (RFC 8894 §4.2.1.2): the CA certificate, the RA certificate and the CA's issuers, as
   * a degenerate SignedData; with "strip root" the self-signed root is left out.
   */
  public byte[] caCertificates(String templateId, String clientAddress) {
    ScepTemplate scep = templates.open(templateId, clientAddress, false);
    CertificateAuthority ca = scep.ca();
    List<X509CertificateHolder> certificates = new ArrayList<>();
    certificates.add(Der.issuerCertificate(ca.certificate()));
    certificates.add(authorities.current(ca).certificate());
    if (ca.chainPem() != null && !ca.chainPem().isBlank()) {
      certificates.addAll(Pem.certificates("chain", ca.chainPem()));
    }
    if (scep.template().settings().scep().stripRoot()) {
      certificates.removeIf(ScepService::selfSigned);
    }
    return CertsOnly.certificates(certificates);
  }

  /** PKIOperation (RFC 8894 §4.3): the CertRep answering {@code message}. */
  public byte[] pkiOperation(String templateId, byte[] message, String clientAddress) {
    ScepTemplates.WithRa opened = templates.withRa(templateId, clientAddress);
    ScepTemplate scep = opened.scep();
    limits.admit(RateLimit.Kind.SCEP, clientAddress);
    PkiMessage request = PkiMessage.decode(message);
    RegistrationAuthorities.Ra ra = opened.ra();
    CertRep.Signer signer =
        new CertRep.Signer(
            ra.certificate(), ra.key(), List.of(Der.issuerCertificate(scep.ca().certificate())));
    try {
      Outcome outcome = answer(scep, request, ra);
      return outcome.pending()
          ? CertRep.pending(request, signer)
          : CertRep.success(request, outcome.certsOnly(), outcome.cipher(), signer);
    } catch (ScepFailure failure) {
      if (enrollment(request)) {
        metrics.scepEnrollment("failed");
      }
      auditLog.failure(
          null,
          "scep." + operation(request),
          "TEMPLATE",
          scep.template().id(),
          scep.ca().id(),
          failure.failInfo() + ": " + failure.getMessage());
      return CertRep.failure(request, failure.failInfo(), failure.getMessage(), signer);
    }
  }

  private Outcome answer(ScepTemplate scep, PkiMessage request, RegistrationAuthorities.Ra ra) {
    if (!request.signatureValid()) {
      throw new ScepFailure(
          FailInfo.BAD_MESSAGE_CHECK, "The signature does not verify with the signer certificate");
    }
    if (!request.digestSupported()) {
      throw new ScepFailure(FailInfo.BAD_ALG, "Use SHA-1, SHA-256, SHA-384 or SHA-512");
    }
    Instant now = Instant.now();
    Optional<Duration> skew = settings.clockSkew();
    if (skew.isPresent() && !request.signedAround(now, skew.get())) {
      throw new ScepFailure(
          FailInfo.BAD_TIME,
          "The message's signingTime, "
              + request.signingTime()
              + ", is too far from the server's time, "
              + now
              + ": set the device's clock");
    }
    if (request.messageType() == null || request.messageType() == MessageType.CERT_REP) {
      throw new ScepFailure(FailInfo.BAD_REQUEST, "This messageType is not a request");
    }
    PkcsPkiEnvelope.Opened opened =
        PkcsPkiEnvelope.open(
            request.envelope(), List.of(new PkcsPkiEnvelope.Recipient(ra.certificate(), ra.key())));
    byte[] data = opened.messageData();
    Outcome outcome =
        switch (request.messageType()) {
          // a PKCSReq sent again for a known transaction is answered in the enrollment's
          // transaction, as CertPoll would be, and not counted again
          case PKCS_REQ -> counted(logged.run(() -> enrollments.enroll(scep, request, data)));
          case RENEWAL_REQ -> counted(logged.run(() -> enrollments.renew(scep, request, data)));
          case CERT_POLL -> queries.poll(scep, request, data);
          case GET_CERT -> queries.certificate(scep, data);
          case GET_CRL -> queries.crl(scep, data);
          case CERT_REP -> throw new IllegalStateException("refused above");
        };
    return outcome.sealedWith(opened.cipher());
  }

  /**
   * Counts an enrollment (PKCSReq or RenewalReq, not a retransmission) as issued or pending, as the
   * other channels count theirs.
   */
  private Outcome counted(Outcome outcome) {
    if (!outcome.resent()) {
      metrics.scepEnrollment(outcome.pending() ? "pending" : "issued");
    }
    return outcome;
  }

  private static boolean enrollment(PkiMessage request) {
    return request.messageType() == MessageType.PKCS_REQ
        || request.messageType() == MessageType.RENEWAL_REQ;
  }

  private static String operation(PkiMessage request) {
    return request.messageType() == null
        ? "unknown"
        : switch (request.messageType()) {
          case PKCS_REQ -> "enroll";
          case RENEWAL_REQ -> "renew";
          case CERT_POLL -> "poll";
          case GET_CERT -> "get-cert";
          case GET_CRL -> "get-crl";
          case CERT_REP -> "cert-rep";
        };
  }

  private static boolean selfSigned(X509CertificateHolder certificate) {
    X500Name issuer = certificate.getIssuer();
    return issuer.equals(certificate.getSubject());
  }
}
