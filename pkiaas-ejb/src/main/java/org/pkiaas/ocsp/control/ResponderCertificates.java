package org.pkiaas.ocsp.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.ServiceCredential;
import org.pkiaas.ca.entity.ServicePurpose;
import org.pkiaas.certificate.control.Der;
import org.pkiaas.certificate.control.KeyIdentifiers;
import org.pkiaas.certificate.control.SerialNumbers;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.signing.KeyWrapper;

/**
 * Issues a CA's delegated OCSP responder certificate (RFC 6960 §4.2.2.2): signed by the CA itself,
 * EKU id-kp-OCSPSigning, id-pkix-ocsp-nocheck (§4.2.2.2.1), with a fresh key of the CA's
 * service-certificate type. The certificate is listed among the CA's issued certificates.
 */
@Dependent
public class ResponderCertificates {

  @PersistenceContext EntityManager em;

  @Inject CaSigners signers;

  @Inject KeyWrapper keyWrapper;

  @Inject PkiaasConfig config;

  @Inject AuditLog auditLog;

  public IssuedCertificate issue(CertificateAuthority ca) {
    X509CertificateHolder caCertificate = Der.certificate(ca.certificate());
    KeySpec keySpec = ca.serviceKeySpec();
    KeyPair keyPair = keySpec.generate();
    Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(5, ChronoUnit.MINUTES);
    Instant notAfter = notBefore.plus(config.responderValidityDays(), ChronoUnit.DAYS);
    if (notAfter.isAfter(ca.notAfter())) {
      notAfter = ca.notAfter();
    }
    BigInteger serial = SerialNumbers.random();
    X500Name subject = subjectFor(caCertificate.getSubject());
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            caCertificate.getSubject(),
            serial,
            Date.from(notBefore),
            Date.from(notAfter),
            subject,
            SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded()));
    try {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
      builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
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
            SerialNumbers.hex(serial),
            subject.toString(),
            notBefore,
            notAfter,
            Der.encoded(certificate),
            CertificatePurpose.OCSP_RESPONDER);
    em.persist(issued);
    String credentialId = ServiceCredential.newId();
    byte[] wrapped =
        keyWrapper.wrap(keyPair.getPrivate(), ServiceCredential.wrappingContext(credentialId));
    em.persist(
        new ServiceCredential(
            credentialId, ca.id(), ServicePurpose.OCSP_RESPONDER, issued.id(), wrapped));
    auditLog.certificateIssued(issued, "ocsp-responder");
    return issued;
  }

  private static X500Name subjectFor(X500Name caSubject) {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    String caName =
        caSubject.getRDNs(BCStyle.CN).length > 0
            ? caSubject.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()
            : "CA";
    String cn = caName + " OCSP Responder";
    name.addRDN(BCStyle.CN, cn.length() > 64 ? cn.substring(0, 64) : cn);
    return name.build();
  }
}
