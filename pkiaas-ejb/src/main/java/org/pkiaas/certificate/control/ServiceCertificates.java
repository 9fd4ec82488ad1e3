package org.pkiaas.certificate.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.ServiceCredential;
import org.pkiaas.ca.entity.ServicePurpose;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.persistence.RowLocks;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.signing.KeyAlgorithm;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.signing.KeyWrapper;
import org.pkiaas.x509.CertificateTimes;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.KeyIdentifiers;
import org.pkiaas.x509.SerialNumbers;

/**
 * Issues a certificate for one of a CA's own services (the OCSP responder, the time-stamping unit,
 * the SCEP RA): signed by the CA, not a CA itself, named after the CA, with the service's key
 * wrapped and stored as a {@link ServiceCredential}. The certificate is listed among the CA's
 * issued certificates. Finds the one in use, and issues the next with the CA row locked, so
 * concurrent requests on any node issue one certificate, not one each.
 */
@Dependent
public class ServiceCertificates {

  @PersistenceContext EntityManager em;

  @Inject CaSigners signers;

  @Inject KeyWrapper keyWrapper;

  @Inject AuditLog auditLog;

  /** What a service certificate says beyond what every one of them says. */
  public record Profile(
      String nameSuffix,
      int validityDays,
      List<Extension> extensions,
      CertificatePurpose purpose,
      ServicePurpose service) {}

  public IssuedCertificate issue(CertificateAuthority ca, KeyPair keyPair, Profile profile) {
    X509CertificateHolder caCertificate = Der.certificate(ca.certificate());
    Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.MINUTES);
    Instant notAfter = notBefore.plus(profile.validityDays(), ChronoUnit.DAYS);
    if (notAfter.isAfter(ca.notAfter())) {
      notAfter = ca.notAfter();
    }
    BigInteger serial = SerialNumbers.random();
    X500Name subject = subjectFor(caCertificate.getSubject(), profile.nameSuffix());
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            caCertificate.getSubject(),
            serial,
            CertificateTimes.of(notBefore),
            CertificateTimes.of(notAfter),
            subject,
            SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded()));
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      for (Extension extension : profile.extensions()) {
        builder.addExtension(extension);
      }
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, KeyIdentifiers.subject(keyPair.getPublic()));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, KeyIdentifiers.authority(caCertificate));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    X509CertificateHolder certificate =
        builder.build(signers.forKey(ca.signingKey()).contentSigner());
    IssuedCertificate issued =
        new IssuedCertificate(
            ca.id(),
            null,
            null,
            SerialNumbers.hex(serial),
            subject.toString(),
            null,
            notBefore,
            notAfter,
            certificate,
            profile.purpose());
    em.persist(issued);
    String credentialId = ServiceCredential.newId();
    byte[] wrapped =
        keyWrapper.wrap(keyPair.getPrivate(), ServiceCredential.wrappingContext(credentialId));
    em.persist(
        new ServiceCredential(credentialId, ca.id(), profile.service(), issued.id(), wrapped));
    auditLog.certificateIssued(
        issued,
        issued.auditSummary(),
        profile.service().name().toLowerCase().replace('_', '-'),
        ca.ownerId());
    return issued;
  }

  /** A service certificate in use, and whether it was issued just now. */
  public record Current(IssuedCertificate certificate, boolean issued) {}

  /**
   * The newest certificate of {@code service} that is valid and unrevoked for longer than {@code
   * margin}; if there is none, the one {@code issue} issues for the CA, row-locked while deciding:
   * requests that arrive together for a CA without one wait for the first to issue it and use it.
   * Only the newest counts: an older one that is still valid was replaced on purpose.
   */
  public Current usableOrIssued(
      CertificateAuthority ca,
      ServicePurpose service,
      Duration margin,
      Function<CertificateAuthority, IssuedCertificate> issue) {
    IssuedCertificate usable = newestUsable(ca.id(), service, margin);
    if (usable != null) {
      return new Current(usable, false);
    }
    CertificateAuthority locked =
        RowLocks.lockedAndBumped(em, em.find(CertificateAuthority.class, ca.id()));
    usable = newestUsable(ca.id(), service, margin);
    return usable != null ? new Current(usable, false) : new Current(issue.apply(locked), true);
  }

  /** Whether the CA has ever had a certificate for this service. */
  public boolean issuedBefore(String caId, ServicePurpose service) {
    return !newest(caId, service).isEmpty();
  }

  private List<ServiceCredential> newest(String caId, ServicePurpose service) {
    return em.createNamedQuery("ServiceCredential.byCaAndPurpose", ServiceCredential.class)
        .setParameter("caId", caId)
        .setParameter("purpose", service)
        .setMaxResults(1)
        .getResultList();
  }

  /** The newest certificate of the service, when valid and unrevoked for longer than margin. */
  private IssuedCertificate newestUsable(String caId, ServicePurpose service, Duration margin) {
    List<ServiceCredential> newest = newest(caId, service);
    if (newest.isEmpty()) {
      return null;
    }
    IssuedCertificate certificate = em.find(IssuedCertificate.class, newest.get(0).certificateId());
    boolean good =
        certificate != null
            && certificate.status() == CertificateStatus.VALID
            && certificate.notAfter().isAfter(Instant.now().plus(margin));
    return good ? certificate : null;
  }

  /** The unwrapped private key of a service certificate. */
  public PrivateKey privateKey(IssuedCertificate issued) {
    ServiceCredential credential =
        em.createNamedQuery("ServiceCredential.byCertificate", ServiceCredential.class)
            .setParameter("certificateId", issued.id())
            .getSingleResult();
    return keyWrapper.unwrap(
        credential.wrappedPrivateKey(), ServiceCredential.wrappingContext(credential.id()));
  }

  /**
   * The signature algorithm a service key signs with: the CA's service hash with the key's type
   * (Ed25519 and ML-DSA have their own).
   */
  public static String signatureAlgorithm(
      CertificateAuthority ca, X509CertificateHolder certificate) {
    KeySpec keySpec =
        KeySpec.of(CaSigners.publicKey(Der.encoded(certificate.getSubjectPublicKeyInfo())));
    return keySpec.algorithm() == KeyAlgorithm.ED25519
        ? "Ed25519"
        : keySpec.signatureAlgorithm("serviceSignatureHash", ca.serviceSignatureHash());
  }

  private static X500Name subjectFor(X500Name caSubject, String suffix) {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    String caName =
        caSubject.getRDNs(BCStyle.CN).length > 0
            ? caSubject.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()
            : "CA";
    String cn = caName + " " + suffix;
    name.addRDN(BCStyle.CN, cn.length() > 64 ? cn.substring(0, 64) : cn);
    return name.build();
  }
}
