package org.pkiaas.tsa.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.ServicePurpose;
import org.pkiaas.ca.entity.Timestamping;
import org.pkiaas.certificate.control.ServiceCertificates;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.x509.Der;

/**
 * A CA's time-stamping unit certificate (RFC 3161 §2.3): signed by the CA, extended key usage
 * id-kp-timeStamping only and critical, key usage digitalSignature, with a fresh key of the CA's
 * service-certificate type. Issued on first use and again when it nears its end or was revoked.
 * Only an active CA whose owner has not turned timestamping off stamps: a retired one issues
 * nothing more, tokens included.
 */
@Stateless
public class TsaCertificates {

  /** A certificate this close to its end is replaced rather than used. */
  static final Duration END_MARGIN = Duration.ofMinutes(5);

  @PersistenceContext EntityManager em;

  @Inject ServiceCertificates services;

  @Inject TimestampingSettings settings;

  /**
   * The CA's unit, issuing its certificate when needed; an unknown or inactive CA, or one whose
   * timestamping is off, is not found.
   */
  public TsaUnit current(String caId) {
    CertificateAuthority ca = activeCa(caId);
    if (!ca.timestamping().enabled()) {
      throw new NotFoundException("Time-stamp authority", caId);
    }
    IssuedCertificate issued =
        services
            .usableOrIssued(ca, ServicePurpose.TIMESTAMPING, END_MARGIN, this::issue)
            .certificate();
    X509CertificateHolder certificate = Der.certificate(issued.der());
    List<X509CertificateHolder> issuers = new ArrayList<>();
    issuers.add(Der.certificate(ca.certificate()));
    if (ca.chainPem() != null && !ca.chainPem().isBlank()) {
      issuers.addAll(Pem.certificates("chain", ca.chainPem()));
    }
    return new TsaUnit(
        ca.id(),
        certificate,
        issuers,
        issued.notAfter(),
        services.privateKey(issued),
        ServiceCertificates.signatureAlgorithm(ca, certificate),
        policies(ca.timestamping()),
        ca.version(),
        new TokenGenerators());
  }

  /** The CA's policies; without a default of its own, the operator's. */
  private TsaPolicies policies(Timestamping timestamping) {
    ASN1ObjectIdentifier defaultPolicy =
        timestamping.defaultPolicy() == null
            ? settings.defaultPolicy()
            : new ASN1ObjectIdentifier(timestamping.defaultPolicy());
    return new TsaPolicies(
        defaultPolicy,
        timestamping.acceptedPolicies().stream()
            .map(ASN1ObjectIdentifier::new)
            .collect(Collectors.toSet()));
  }

  /** The current version of each of these CAs' rows; a deleted row is left out. */
  public Map<String, Integer> versions(Collection<String> caIds) {
    if (caIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Integer> versions = new HashMap<>();
    em.createNamedQuery("CertificateAuthority.versions", Object[].class)
        .setParameter("ids", caIds)
        .getResultList()
        .forEach(row -> versions.put((String) row[0], ((Number) row[1]).intValue()));
    return versions;
  }

  /**
   * Issues the CA's next unit certificate ahead of time when the current one expires within {@code
   * margin} or was revoked; a CA that is not active, has timestamping off or has never stamped, is
   * left alone.
   *
   * @return whether a certificate was issued
   */
  public boolean renewIfDue(String caId, Duration margin) {
    CertificateAuthority ca = em.find(CertificateAuthority.class, caId);
    if (ca == null
        || ca.status() != CaStatus.ACTIVE
        || !ca.timestamping().enabled()
        || !services.issuedBefore(caId, ServicePurpose.TIMESTAMPING)) {
      return false;
    }
    return services
        .usableOrIssued(ca, ServicePurpose.TIMESTAMPING, END_MARGIN.plus(margin), this::issue)
        .issued();
  }

  private CertificateAuthority activeCa(String caId) {
    CertificateAuthority ca = caId == null ? null : em.find(CertificateAuthority.class, caId);
    if (ca == null || ca.status() != CaStatus.ACTIVE) {
      throw new NotFoundException("Certificate authority", caId);
    }
    return ca;
  }

  private IssuedCertificate issue(CertificateAuthority ca) {
    try {
      return services.issue(
          ca,
          ca.serviceKeySpec().generate(),
          new ServiceCertificates.Profile(
              "Time Stamping",
              settings.certificateValidityDays(),
              List.of(
                  new Extension(
                      Extension.keyUsage,
                      true,
                      new KeyUsage(KeyUsage.digitalSignature).getEncoded()),
                  new Extension(
                      Extension.extendedKeyUsage,
                      true,
                      new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping).getEncoded())),
              CertificatePurpose.TIMESTAMPING,
              ServicePurpose.TIMESTAMPING));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
