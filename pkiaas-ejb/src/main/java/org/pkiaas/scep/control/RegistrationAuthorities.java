package org.pkiaas.scep.control;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.ServiceCredential;
import org.pkiaas.ca.entity.ServicePurpose;
import org.pkiaas.certificate.control.ServiceCertificates;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.persistence.RowLocks;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.signing.KeyWrapper;
import org.pkiaas.x509.Der;

/**
 * A CA's SCEP registration authority (RFC 8894 §2.1.2, §3.5.1): an RSA 2048 key with a certificate
 * the CA issues (key usages digitalSignature and keyEncipherment), which decrypts requests and
 * signs replies for CAs whose own key cannot (EC, Ed25519, ML-DSA, SLH-DSA) or whose certificate
 * lacks those key usages. Issued on first use and again once it nears its end or was revoked, with
 * the CA row locked so concurrent requests on any node issue one certificate.
 */
@Stateless
public class RegistrationAuthorities {

  /** A certificate this close to its end is replaced rather than served. */
  static final Duration RENEW_BEFORE = Duration.ofDays(30);

  @PersistenceContext EntityManager em;

  @Inject ServiceCertificates services;

  @Inject KeyWrapper keyWrapper;

  @Inject PkiaasConfig config;

  @Inject RaCache cache;

  @Resource SessionContext context;

  /** The RA's certificate and key. */
  public record Ra(X509CertificateHolder certificate, PrivateKey key) {}

  /**
   * The CA's usable RA, issued first when it has none. One read per request (the newest credential
   * with its certificate's status), in the caller's transaction or, without one, on its own in
   * autocommit (SCEP's reads need no transaction of their own: that saves the begin and the commit
   * of one on every request); the unwrapped key and parsed certificate come from this node's {@link
   * RaCache} while the newest credential stays the same. Only a CA without a usable RA gets a
   * transaction, to issue one ({@link #issueUsable}).
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Ra current(CertificateAuthority active) {
    String caId = active.id();
    Usable usable = usable(caId, active.notAfter(), RENEW_BEFORE);
    return usable != null
        ? ra(caId, usable)
        : context.getBusinessObject(RegistrationAuthorities.class).issueUsable(caId);
  }

  /**
   * {@link #current}'s way when the CA has no usable RA: with the CA row locked (so concurrent
   * requests on any node issue one certificate), the newest credential read again and, when it is
   * still not usable, a new RA certificate issued.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Ra issueUsable(String caId) {
    CertificateAuthority ca =
        RowLocks.lockedAndBumped(em, em.find(CertificateAuthority.class, caId));
    Usable usable = usable(caId, ca.notAfter(), RENEW_BEFORE);
    if (usable == null) {
      IssuedCertificate issued = issue(ca);
      usable =
          new Usable(
              em.createNamedQuery("ServiceCredential.byCertificate", ServiceCredential.class)
                  .setParameter("certificateId", issued.id())
                  .getSingleResult(),
              issued);
    }
    return ra(caId, usable);
  }

  private Ra ra(String caId, Usable usable) {
    ServiceCredential credential = usable.credential();
    IssuedCertificate certificate = usable.certificate();
    return cache.get(
        caId,
        credential.id(),
        () ->
            new Ra(
                Der.certificate(certificate.der()),
                keyWrapper.unwrap(
                    credential.wrappedPrivateKey(),
                    ServiceCredential.wrappingContext(credential.id()))));
  }

  /** The newest RA credential and its certificate, when that is usable. */
  private record Usable(ServiceCredential credential, IssuedCertificate certificate) {}

  /**
   * Issues the CA's next RA certificate ahead of time (for the service-certificate-renewal job)
   * when the current one ends within {@code margin} (at least {@link #RENEW_BEFORE}) or was
   * revoked; a CA that is not active, or has never had an RA, is left alone.
   *
   * @return whether a certificate was issued
   */
  public boolean renewIfDue(String caId, Duration margin) {
    CertificateAuthority ca = em.find(CertificateAuthority.class, caId);
    if (ca == null
        || ca.status() != CaStatus.ACTIVE
        || !services.issuedBefore(caId, ServicePurpose.SCEP_RA)) {
      return false;
    }
    Duration ahead = margin.compareTo(RENEW_BEFORE) > 0 ? margin : RENEW_BEFORE;
    if (usable(caId, ca.notAfter(), ahead) != null) {
      return false;
    }
    CertificateAuthority locked =
        RowLocks.lockedAndBumped(em, em.find(CertificateAuthority.class, caId));
    if (usable(caId, locked.notAfter(), ahead) != null) {
      return false;
    }
    issue(locked);
    return true;
  }

  private IssuedCertificate issue(CertificateAuthority ca) {
    try {
      return services.issue(
          ca,
          KeySpec.parse("RSA", 2048, null, null).generate(),
          new ServiceCertificates.Profile(
              "SCEP RA",
              config.scepRaValidityDays(),
              List.of(
                  new Extension(
                      Extension.keyUsage,
                      true,
                      new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
                          .getEncoded())),
              CertificatePurpose.SCEP_RA,
              ServicePurpose.SCEP_RA));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The newest RA certificate when it is valid, not revoked and does not end within {@code ahead}
   * (unless the CA's own end limits it); else null.
   */
  private Usable usable(String caId, Instant caNotAfter, Duration ahead) {
    List<Object[]> newest =
        em.createNamedQuery(ServiceCredential.WITH_CERTIFICATE, Object[].class)
            .setParameter("caId", caId)
            .setParameter("purpose", ServicePurpose.SCEP_RA)
            .setMaxResults(1)
            .getResultList();
    if (newest.isEmpty()) {
      return null;
    }
    ServiceCredential credential = (ServiceCredential) newest.get(0)[0];
    IssuedCertificate certificate = (IssuedCertificate) newest.get(0)[1];
    Instant now = Instant.now();
    boolean good =
        certificate != null
            && certificate.status() == CertificateStatus.VALID
            && certificate.notAfter().isAfter(now)
            && (certificate.notAfter().isAfter(now.plus(ahead))
                || !certificate.notAfter().isBefore(caNotAfter));
    return good ? new Usable(credential, certificate) : null;
  }
}
