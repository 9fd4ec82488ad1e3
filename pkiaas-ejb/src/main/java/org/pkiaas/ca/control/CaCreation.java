package org.pkiaas.ca.control;

import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.pkiaas.ca.control.CaCertificateBuilder.CaProfile;
import org.pkiaas.ca.entity.KeyBackend;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.KeyAlgorithm;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.x509.KeyUsages;
import org.pkiaas.x509.ValidityDays;

/**
 * Validates a {@link CaDraft} and settles every default, before any key is generated or anything is
 * stored: each error names the field it is about.
 */
public record CaCreation(
    String name,
    X500Name subject,
    KeySpec keySpec,
    KeyPair importedKey,
    String signatureAlgorithm,
    int validityDays,
    Integer pathLength,
    List<String> keyUsage,
    List<String> extendedKeyUsage,
    boolean csrOnly,
    boolean onDevice) {

  static final int DEFAULT_VALIDITY_DAYS = 3650;
  static final List<String> DEFAULT_KEY_USAGE =
      List.of("keyCertSign", "cRLSign", "digitalSignature");

  public static CaCreation of(CaDraft request) {
    if (request.subject() == null || request.commonName() == null) {
      throw new InvalidInputException(
          "subject.commonName", "The common name (CA name) is required");
    }
    X500Name subject = request.subject();
    String name =
        request.name() == null || request.name().isBlank()
            ? request.commonName().trim()
            : request.name().trim();
    if (name.length() > 200) {
      throw new InvalidInputException("name", "A CA name has at most 200 characters");
    }
    KeyPair imported = null;
    KeySpec keySpec;
    if (request.importsKey()) {
      imported = Pem.privateKey(request.privateKeyPem(), request.privateKeyPassword());
      keySpec = KeySpec.of(imported.getPublic());
      if (request.keyType() != null
          && !request.keyType().isBlank()
          && KeySpec.parse(
                      request.keyType(), request.keySize(), request.curve(), request.parameterSet())
                  .algorithm()
              != keySpec.algorithm()) {
        throw new InvalidInputException(
            "keyType", "The imported key is " + keySpec + ", not " + request.keyType());
      }
    } else {
      keySpec =
          KeySpec.parse(
              request.keyType(), request.keySize(), request.curve(), request.parameterSet());
    }
    String signatureAlgorithm =
        keySpec.signatureAlgorithm("signatureAlgorithm", request.signatureAlgorithm());
    boolean onDevice = onDevice(request, keySpec, signatureAlgorithm);
    int validity = request.validityDays() == null ? DEFAULT_VALIDITY_DAYS : request.validityDays();
    ValidityDays.check("validityDays", validity);
    if (request.pathLength() != null && (request.pathLength() < 0 || request.pathLength() > 16)) {
      throw new InvalidInputException(
          "pathLength", "The path length is 0 to 16, or null for unlimited");
    }
    List<String> keyUsage =
        request.keyUsage() == null || request.keyUsage().isEmpty()
            ? DEFAULT_KEY_USAGE
            : KeyUsages.keyUsageNames("keyUsage", request.keyUsage());
    if (!keyUsage.contains("keyCertSign")) {
      throw new InvalidInputException(
          "keyUsage", "A CA's key usage must include keyCertSign, or it cannot issue certificates");
    }
    List<String> eku =
        request.extendedKeyUsage() == null
            ? List.of()
            : KeyUsages.extendedKeyUsageNames("extendedKeyUsage", request.extendedKeyUsage());
    return new CaCreation(
        name,
        subject,
        keySpec,
        imported,
        signatureAlgorithm,
        validity,
        request.pathLength(),
        keyUsage,
        eku,
        Boolean.TRUE.equals(request.csrOnly()),
        onDevice);
  }

  /**
   * {@code "keyStorage": "HSM"}: the key is made on an IoT-HSM device, which signs RSA (PKCS#1
   * v1.5) and ECDSA over SHA-2 only; whether the CA is a root or an intermediate is decided there,
   * when the agent turns the provisioning template into a self-signed certificate or a CSR.
   */
  private static boolean onDevice(CaDraft request, KeySpec keySpec, String signatureAlgorithm) {
    if (!"HSM".equals(request.keyStorage())) {
      return false;
    }
    if (request.importsKey()) {
      throw new InvalidInputException(
          "keyStorage", "An HSM key is generated or imported on the device, not uploaded here");
    }
    if (keySpec.algorithm() != KeyAlgorithm.RSA && keySpec.algorithm() != KeyAlgorithm.EC) {
      throw new InvalidInputException(
          "keyType", "A key on an IoT-HSM device is RSA or EC, not " + keySpec);
    }
    if (signatureAlgorithm.endsWith("MGF1")) {
      throw new InvalidInputException(
          "signatureAlgorithm",
          "The IoT-HSM link signs RSA with PKCS#1 v1.5, not " + signatureAlgorithm);
    }
    if (Boolean.TRUE.equals(request.csrOnly())) {
      throw new InvalidInputException(
          "csrOnly",
          "For an HSM key the agent makes the CSR from the provisioning certificate; leave"
              + " csrOnly unset");
    }
    return true;
  }

  public KeyBackend backend() {
    if (onDevice) {
      return KeyBackend.HSM;
    }
    return importedKey == null ? KeyBackend.MANAGED : KeyBackend.IMPORTED;
  }

  public KeyPair keyPair() {
    return importedKey != null ? importedKey : keySpec.generate();
  }

  public CaProfile profile() {
    return new CaProfile(subject, validityDays, pathLength, keyUsage, extendedKeyUsage);
  }

  @Override
  public String toString() {
    return "CaCreation["
        + name
        + ", "
        + keySpec
        + ", csrOnly="
        + csrOnly
        + (onDevice ? ", on device]" : "]");
  }
}
