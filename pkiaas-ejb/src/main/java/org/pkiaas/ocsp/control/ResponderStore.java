package org.pkiaas.ocsp.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.ServicePurpose;
import org.pkiaas.certificate.control.ServiceCertificates;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.x509.Der;

/**
 * Finds a CA's usable responder certificate, issuing the next one when the last has expired or been
 * revoked (guide 7.2). The CA row is locked while deciding, so concurrent requests on any node
 * issue one certificate, not one each.
 */
@Stateless
public class ResponderStore {

  /** A responder certificate this close to its end is replaced rather than used. */
  static final Duration END_MARGIN = Duration.ofMinutes(5);

  /** The CertID hash algorithms answered: SHA-1 (what most clients send) and SHA-2. */
  static final Map<ASN1ObjectIdentifier, String> DIGESTS =
      Map.of(
          OIWObjectIdentifiers.idSHA1,
          "SHA-1",
          NISTObjectIdentifiers.id_sha256,
          "SHA-256",
          NISTObjectIdentifiers.id_sha384,
          "SHA-384",
          NISTObjectIdentifiers.id_sha512,
          "SHA-512");

  @PersistenceContext EntityManager em;

  @Inject ResponderCertificates certificates;

  @Inject ServiceCertificates services;

  /**
   * The CA's responder, issuing a new certificate when needed; an unknown or inactive CA is not
   * found.
   */
  public Responder current(String caId) {
    CertificateAuthority ca = activeCa(caId);
    ServiceCertificates.Current current =
        services.usableOrIssued(ca, ServicePurpose.OCSP_RESPONDER, END_MARGIN, certificates::issue);
    return load(ca, current.certificate());
  }

  /**
   * Issues the CA's next responder certificate ahead of time when the current one expires within
   * {@code margin} or was revoked. Idempotent: a CA already renewed is left alone.
   *
   * @return whether a certificate was issued
   */
  public boolean renewIfDue(String caId, Duration margin) {
    return services
        .usableOrIssued(
            activeCa(caId),
            ServicePurpose.OCSP_RESPONDER,
            END_MARGIN.plus(margin),
            certificates::issue)
        .issued();
  }

  /** The ids of every active CA: the work list of the service-certificate-renewal job. */
  public List<String> activeCaIds() {
    return em.createNamedQuery("CertificateAuthority.activeIds", String.class).getResultList();
  }

  private CertificateAuthority activeCa(String caId) {
    CertificateAuthority ca = caId == null ? null : em.find(CertificateAuthority.class, caId);
    if (ca == null || !ca.status().publishesStatus()) {
      throw new NotFoundException("Certificate authority", caId);
    }
    return ca;
  }

  private Responder load(CertificateAuthority ca, IssuedCertificate issued) {
    PrivateKey key = services.privateKey(issued);
    X509CertificateHolder certificate = Der.certificate(issued.der());
    String algorithm = ServiceCertificates.signatureAlgorithm(ca, certificate);
    X509CertificateHolder caCertificate = Der.certificate(ca.certificate());
    byte[] responderKey = certificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
    ResponderID responderId = new ResponderID(new DEROctetString(digest("SHA-1", responderKey)));
    Map<ASN1ObjectIdentifier, Responder.IssuerHashes> hashes = new HashMap<>();
    byte[] issuerName = Der.encoded(caCertificate.getSubject());
    byte[] issuerKey = caCertificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
    DIGESTS.forEach(
        (oid, name) ->
            hashes.put(
                oid,
                new Responder.IssuerHashes(digest(name, issuerName), digest(name, issuerKey))));
    return new Responder(
        ca.id(),
        issued.id(),
        certificate,
        issued.notAfter(),
        key,
        algorithm,
        hashes,
        Der.encoded(certificate),
        Der.encoded(responderId));
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm, BouncyCastle.PROVIDER).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
