package org.pkiaas.ocsp.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.RespID;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.ServiceCredential;
import org.pkiaas.ca.entity.ServicePurpose;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.signing.KeyAlgorithm;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.signing.KeyWrapper;
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

  @Inject KeyWrapper keyWrapper;

  /**
   * The CA's responder, issuing a new certificate when needed; an unknown or inactive CA is not
   * found.
   */
  public Responder current(String caId) {
    CertificateAuthority ca = activeCa(caId);
    IssuedCertificate usable = usable(caId, Duration.ZERO);
    if (usable == null) {
      ca = em.find(CertificateAuthority.class, caId, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
      usable = usable(caId, Duration.ZERO);
      if (usable == null) {
        usable = certificates.issue(ca);
      }
    }
    return load(ca, usable);
  }

  /**
   * Issues the CA's next responder certificate ahead of time when the current one expires within
   * {@code margin} or was revoked. Idempotent: a CA already renewed is left alone.
   *
   * @return whether a certificate was issued
   */
  public boolean renewIfDue(String caId, Duration margin) {
    activeCa(caId);
    if (usable(caId, margin) != null) {
      return false;
    }
    CertificateAuthority ca =
        em.find(CertificateAuthority.class, caId, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    if (usable(caId, margin) != null) {
      return false;
    }
    certificates.issue(ca);
    return true;
  }

  /** The ids of every active CA: the work list of the ocsp-signer-renewal job. */
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

  /**
   * The newest responder certificate that is valid and not revoked for longer than {@code margin},
   * or null.
   */
  private IssuedCertificate usable(String caId, Duration margin) {
    // only the newest counts: an older one that is still valid was replaced on purpose
    List<ServiceCredential> newest = credentials(caId);
    if (newest.isEmpty()) {
      return null;
    }
    IssuedCertificate certificate = em.find(IssuedCertificate.class, newest.get(0).certificateId());
    Instant until = Instant.now().plus(END_MARGIN).plus(margin);
    boolean good =
        certificate != null
            && certificate.status() == CertificateStatus.VALID
            && certificate.notAfter().isAfter(until);
    return good ? certificate : null;
  }

  private List<ServiceCredential> credentials(String caId) {
    return em.createNamedQuery("ServiceCredential.byCaAndPurpose", ServiceCredential.class)
        .setParameter("caId", caId)
        .setParameter("purpose", ServicePurpose.OCSP_RESPONDER)
        .setMaxResults(1)
        .getResultList();
  }

  private Responder load(CertificateAuthority ca, IssuedCertificate issued) {
    ServiceCredential credential =
        em.createNamedQuery("ServiceCredential.byCertificate", ServiceCredential.class)
            .setParameter("certificateId", issued.id())
            .getSingleResult();
    PrivateKey key =
        keyWrapper.unwrap(
            credential.wrappedPrivateKey(), ServiceCredential.wrappingContext(credential.id()));
    X509CertificateHolder certificate = Der.certificate(issued.der());
    KeySpec keySpec =
        KeySpec.of(CaSigners.publicKey(Der.encoded(certificate.getSubjectPublicKeyInfo())));
    String algorithm =
        keySpec.algorithm() == KeyAlgorithm.ED25519
            ? "Ed25519"
            : keySpec.signatureAlgorithm("serviceSignatureHash", ca.serviceSignatureHash());
    X509CertificateHolder caCertificate = Der.certificate(ca.certificate());
    byte[] responderKey = certificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
    RespID responderId =
        new RespID(new ResponderID(new DEROctetString(digest("SHA-1", responderKey))));
    Map<ASN1ObjectIdentifier, Responder.IssuerHashes> hashes = new HashMap<>();
    byte[] issuerName = Der.encoded(caCertificate.getSubject());
    byte[] issuerKey = caCertificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
    DIGESTS.forEach(
        (oid, name) ->
            hashes.put(
                oid,
                new Responder.IssuerHashes(digest(name, issuerName), digest(name, issuerKey))));
    return new Responder(
        ca.id(), issued.id(), certificate, issued.notAfter(), key, algorithm, responderId, hashes);
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm, BouncyCastle.PROVIDER).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
