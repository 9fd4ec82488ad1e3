package org.pkiaas.hsm.agent;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Turns the server's HSM provisioning certificate (a template: the CA's subject, extensions and
 * validity) into a certificate or request for the key on the token: a self-signed certificate for a
 * root, or a PKCS#10 request (RFC 2986) for an intermediate. The template's key identifiers are
 * replaced by ones computed from the token's key (RFC 5280, sections 4.2.1.1 and 4.2.1.2).
 */
final class Provisioner {

  private static final List<ASN1ObjectIdentifier> KEY_BOUND =
      List.of(Extension.subjectKeyIdentifier, Extension.authorityKeyIdentifier);

  private Provisioner() {}

  static X509Certificate selfSigned(X509Certificate template, PublicKey key, ContentSigner signer)
      throws GeneralSecurityException {
    try {
      X509CertificateHolder holder = new JcaX509CertificateHolder(template);
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              template.getSubjectX500Principal(),
              new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
              Date.from(Instant.now().minusSeconds(60)),
              template.getNotAfter(),
              template.getSubjectX500Principal(),
              key);
      for (ASN1ObjectIdentifier oid : holder.getExtensions().getExtensionOIDs()) {
        if (!KEY_BOUND.contains(oid)) {
          builder.copyAndAddExtension(oid, holder.getExtension(oid).isCritical(), holder);
        }
      }
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(key));
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (CertificateEncodingException | CertIOException e) {
      throw new GeneralSecurityException("Cannot copy the provisioning template", e);
    }
  }

  static PKCS10CertificationRequest request(
      X509Certificate template, PublicKey key, ContentSigner signer)
      throws GeneralSecurityException {
    try {
      Extensions extensions = new JcaX509CertificateHolder(template).getExtensions();
      ExtensionsGenerator requested = new ExtensionsGenerator();
      for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
        if (!KEY_BOUND.contains(oid)) {
          requested.addExtension(extensions.getExtension(oid));
        }
      }
      requested.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
      return new JcaPKCS10CertificationRequestBuilder(template.getSubjectX500Principal(), key)
          .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, requested.generate())
          .build(signer);
    } catch (CertificateEncodingException | java.io.IOException e) {
      throw new GeneralSecurityException("Cannot copy the provisioning template", e);
    }
  }
}
