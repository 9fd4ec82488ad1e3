package org.pkiaas.tsa.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.ServiceCredential;
import org.pkiaas.ca.entity.ServicePurpose;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.identity.Caller;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.KeyWrapper;
import org.pkiaas.tsa.control.TsaUnits;
import org.pkiaas.x509.Der;

/**
 * A CA's time-stamping certificate of the owner's choosing: one the CA issued from a "Timestamping"
 * template (RFC 3161 §2.3: extended key usage id-kp-timeStamping only, critical) to a key the owner
 * brings, for those who want a longer-lived certificate than the one issued automatically. The key
 * is wrapped and kept like every service key; the CA stamps with it from the next request until it
 * nears its end or is revoked, when an automatic certificate takes over again.
 */
@Stateless
public class TimestampingCertificates {

  @PersistenceContext EntityManager em;

  @Inject CertificateAuthorities cas;

  @Inject KeyWrapper keyWrapper;

  @Inject TsaUnits units;

  @Audited(value = "tsa.certificate.import", objectType = "CA", objectIdArgument = 1)
  public IssuedCertificate useImported(
      Caller caller, String caId, String certificateId, String privateKeyPem, String password) {
    CertificateAuthority ca = cas.get(caller, caId);
    if (ca.status() != CaStatus.ACTIVE) {
      throw new ConflictException("Only an active CA stamps");
    }
    IssuedCertificate issued =
        certificateId == null ? null : em.find(IssuedCertificate.class, certificateId);
    if (issued == null || !ca.id().equals(issued.caId())) {
      throw new InvalidInputException("certificateId", "This CA issued no such certificate");
    }
    if (issued.status() != CertificateStatus.VALID || !issued.notAfter().isAfter(Instant.now())) {
      throw new InvalidInputException("certificateId", "The certificate is revoked or expired");
    }
    X509CertificateHolder certificate = Der.certificate(issued.der());
    requireTimeStamping(certificate);
    if (privateKeyPem == null || privateKeyPem.isBlank()) {
      throw new InvalidInputException("privateKeyPem", "The certificate's private key is required");
    }
    KeyPair key = Pem.privateKey(privateKeyPem, password);
    try {
      if (!Arrays.equals(
          key.getPublic().getEncoded(), certificate.getSubjectPublicKeyInfo().getEncoded())) {
        throw new InvalidInputException(
            "privateKeyPem", "The private key does not belong to the certificate");
      }
    } catch (IOException e) {
      throw new InvalidInputException("certificateId", "The certificate cannot be read", e);
    }
    String credentialId = ServiceCredential.newId();
    byte[] wrapped =
        keyWrapper.wrap(key.getPrivate(), ServiceCredential.wrappingContext(credentialId));
    em.persist(
        new ServiceCredential(
            credentialId, ca.id(), ServicePurpose.TIMESTAMPING, issued.id(), wrapped));
    units.forget(ca.id());
    return issued;
  }

  /**
   * Extended key usage id-kp-timeStamping alone and critical; digitalSignature among its usages.
   */
  private static void requireTimeStamping(X509CertificateHolder certificate) {
    Extension eku = certificate.getExtension(Extension.extendedKeyUsage);
    boolean only =
        eku != null
            && eku.isCritical()
            && List.of(KeyPurposeId.id_kp_timeStamping)
                .equals(
                    Arrays.asList(ExtendedKeyUsage.getInstance(eku.getParsedValue()).getUsages()));
    KeyUsage keyUsage = KeyUsage.fromExtensions(certificate.getExtensions());
    if (!only || keyUsage == null || !keyUsage.hasUsages(KeyUsage.digitalSignature)) {
      throw new InvalidInputException(
          "certificateId",
          "A time-stamping certificate has the critical extended key usage timeStamping alone and"
              + " the key usage digitalSignature: issue it from a Timestamping template");
    }
  }
}
