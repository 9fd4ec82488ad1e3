package org.pkiaas.ocsp.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.pkiaas.ca.boundary.CaLifecycle;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.ServicePurpose;
import org.pkiaas.certificate.control.ServiceCertificates;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.config.PkiaasConfig;

/**
 * Issues a CA's delegated OCSP responder certificate (RFC 6960 §4.2.2.2): signed by the CA itself,
 * EKU id-kp-OCSPSigning, id-pkix-ocsp-nocheck (§4.2.2.2.1), with a fresh key of the CA's
 * service-certificate type. The certificate is listed among the CA's issued certificates.
 */
@Dependent
public class ResponderCertificates {

  @Inject ServiceCertificates services;

  @Inject PkiaasConfig config;

  /** Gives a CA its first responder as soon as it has its own certificate. */
  void onActivated(@Observes CaLifecycle event) {
    if (event.stage() == CaLifecycle.Stage.ACTIVATED) {
      issue(event.ca());
    }
  }

  public IssuedCertificate issue(CertificateAuthority ca) {
    KeyPair keyPair = ca.serviceKeySpec().generate();
    try {
      return services.issue(
          ca,
          keyPair,
          new ServiceCertificates.Profile(
              "OCSP Responder",
              config.responderValidityDays(),
              List.of(
                  new Extension(
                      Extension.keyUsage,
                      true,
                      new KeyUsage(KeyUsage.digitalSignature).getEncoded()),
                  new Extension(
                      Extension.extendedKeyUsage,
                      false,
                      new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning).getEncoded()),
                  new Extension(
                      OCSPObjectIdentifiers.id_pkix_ocsp_nocheck,
                      false,
                      DERNull.INSTANCE.getEncoded())),
              CertificatePurpose.OCSP_RESPONDER,
              ServicePurpose.OCSP_RESPONDER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
