package org.pkiaas.ca.control;

import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ca.control.CaCertificateBuilder.CaProfile;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.KeyBackend;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.ValidityDays;

/**
 * Settles what a CA's successor (its rollover's next generation) is, before any key is generated:
 * the predecessor's subject exactly as its certificate encodes it (so certificates chain by name
 * across the rollover, RFC 5280 §4.1.2.4), its extensions and validity, and a new key of the same
 * type unless the request names another. A root's successor is self-signed at once; an
 * intermediate's gets a CSR for the CA above it to sign.
 *
 * <p>Only an active CA with a key held here rolls over: an IoT-HSM key is made on the device, so
 * its next generation is a new HSM CA.
 */
public record CaSuccession(
    KeySpec keySpec, String signatureAlgorithm, CaProfile profile, boolean root) {

  /**
   * What the owner may change in the next generation; every null keeps the predecessor's.
   *
   * @param keyType RSA, EC, ED25519, ML_DSA or SLH_DSA
   */
  public record Choices(
      String keyType,
      Integer keySize,
      String curve,
      String parameterSet,
      String signatureAlgorithm,
      Integer validityDays) {

    public static final Choices SAME = new Choices(null, null, null, null, null, null);
  }

  public static CaSuccession of(CertificateAuthority predecessor, Choices choices) {
    if (predecessor.status() != CaStatus.ACTIVE) {
      throw new ConflictException("Only an active CA gets a successor");
    }
    if (predecessor.keyBackend() == KeyBackend.HSM) {
      throw new ConflictException(
          "This CA's key is on an IoT-HSM device: create a new HSM CA as its next generation");
    }
    Choices wanted = choices == null ? Choices.SAME : choices;
    boolean sameKeyType = wanted.keyType() == null || wanted.keyType().isBlank();
    KeySpec keySpec =
        sameKeyType
            ? predecessor.keySpec()
            : KeySpec.parse(
                wanted.keyType(), wanted.keySize(), wanted.curve(), wanted.parameterSet());
    String signatureAlgorithm =
        sameKeyType && wanted.signatureAlgorithm() == null
            ? predecessor.signatureAlgorithm()
            : keySpec.signatureAlgorithm("signatureAlgorithm", wanted.signatureAlgorithm());
    int validity =
        wanted.validityDays() == null
            ? predecessor.validityDays()
            : ValidityDays.check("validityDays", wanted.validityDays());
    X509CertificateHolder certificate = Der.certificate(predecessor.certificate());
    X500Name subject = certificate.getSubject();
    boolean root =
        certificate.getIssuer().equals(subject)
            && (predecessor.chainPem() == null || predecessor.chainPem().isBlank());
    List<String> eku = predecessor.extendedKeyUsage();
    return new CaSuccession(
        keySpec,
        signatureAlgorithm,
        new CaProfile(subject, validity, predecessor.pathLength(), predecessor.keyUsage(), eku),
        root);
  }
}
