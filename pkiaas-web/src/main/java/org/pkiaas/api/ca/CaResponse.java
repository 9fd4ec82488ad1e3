package org.pkiaas.api.ca;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.ca.boundary.ServiceUrls;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.pem.Pem;
import org.pkiaas.signing.KeyAlgorithm;
import org.pkiaas.signing.KeySpec;

/** A CA as the API shows it. Never carries key material beyond the public certificate. */
public record CaResponse(
    String id,
    String name,
    @Schema(implementation = CaStatus.class) String status,
    String subject,
    @Schema(implementation = KeyAlgorithm.class) String keyType,
    Integer keySize,
    @Schema(enumeration = {"P-256", "P-384", "P-521"}) String curve,
    String parameterSet,
    String keyBackend,
    String signatureAlgorithm,
    int validityDays,
    Integer pathLength,
    List<String> keyUsage,
    List<String> extendedKeyUsage,
    String serialNumber,
    Instant notBefore,
    Instant notAfter,
    String certificatePem,
    String chainPem,
    String cpsText,
    String cpsUrl,
    ServiceCertificateSettings serviceCertificate,
    int crlValidityDays,
    ServiceUrls urls,
    Instant createdAt,
    @Schema(
            description =
                "Only in the answer that creates the installation's first CA, to an administrator:"
                    + " where the master key that wraps every CA key is, and that it needs a backup")
        String masterKeyBackup,
    @Schema(
            description =
                "Only for a CA whose key is on an IoT-HSM device (keyBackend HSM): the key's id on"
                    + " the link and whether a device holding it is connected to this node")
        HsmLink hsmLink,
    @Schema(
            description =
                "For a CA made by a rollover (POST /api/v1/cas/{caId}/successor): the id of the CA"
                    + " it succeeds. Such a CA is NEXT, issuing nothing, until its owner activates"
                    + " it")
        String predecessorId) {

  /**
   * The IoT-HSM link of a CA key on a device.
   *
   * @param keyId the SHA-256 of the key's SubjectPublicKeyInfo, hex: the agent serves this id
   * @param online whether an agent holding the key is connected now
   * @param lastSeen when one was last heard by this node, or null since it started
   */
  public record HsmLink(String keyId, boolean online, Instant lastSeen) {}

  /** The key and hash of the certificates the CA's services (OCSP, timestamping) sign with. */
  public record ServiceCertificateSettings(
      @Schema(implementation = KeyAlgorithm.class) String keyType,
      Integer keySize,
      @Schema(enumeration = {"P-256", "P-384", "P-521"}) String curve,
      String signatureHash) {}

  static CaResponse of(CertificateAuthority ca, String publicUrl, HsmLink hsmLink) {
    KeySpec key = ca.keySpec();
    KeySpec service = ca.serviceKeySpec();
    byte[] certificate = ca.certificate();
    return new CaResponse(
        ca.id(),
        ca.name(),
        ca.status().name(),
        ca.subjectDn(),
        key.algorithm().name(),
        size(key),
        curve(key),
        parameterSet(key),
        ca.keyBackend().name(),
        ca.signatureAlgorithm(),
        ca.validityDays(),
        ca.pathLength(),
        ca.keyUsage(),
        ca.extendedKeyUsage(),
        ca.serialNumber(),
        ca.notBefore(),
        ca.notAfter(),
        certificate == null ? null : Pem.certificate(certificate),
        ca.chainPem(),
        ca.cpsText(),
        ca.cpsUrl(),
        new ServiceCertificateSettings(
            service.algorithm().name(), size(service), curve(service), ca.serviceSignatureHash()),
        ca.crlValidityDays(),
        ServiceUrls.of(publicUrl, ca),
        ca.createdAt(),
        null,
        hsmLink,
        ca.predecessorId());
  }

  /** This answer with the master key's backup reminder. */
  CaResponse withMasterKeyBackup(String reminder) {
    return new CaResponse(
        id,
        name,
        status,
        subject,
        keyType,
        keySize,
        curve,
        parameterSet,
        keyBackend,
        signatureAlgorithm,
        validityDays,
        pathLength,
        keyUsage,
        extendedKeyUsage,
        serialNumber,
        notBefore,
        notAfter,
        certificatePem,
        chainPem,
        cpsText,
        cpsUrl,
        serviceCertificate,
        crlValidityDays,
        urls,
        createdAt,
        reminder,
        hsmLink,
        predecessorId);
  }

  private static Integer size(KeySpec key) {
    return key.algorithm() == KeyAlgorithm.RSA ? Integer.valueOf(key.parameter()) : null;
  }

  private static String curve(KeySpec key) {
    return key.algorithm() == KeyAlgorithm.EC ? key.parameter() : null;
  }

  private static String parameterSet(KeySpec key) {
    return key.algorithm() == KeyAlgorithm.ML_DSA || key.algorithm() == KeyAlgorithm.SLH_DSA
        ? key.parameter()
        : null;
  }
}
