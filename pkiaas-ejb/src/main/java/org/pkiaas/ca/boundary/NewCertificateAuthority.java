package org.pkiaas.ca.boundary;

import static org.pkiaas.input.FieldFormats.ALGORITHM;
import static org.pkiaas.input.FieldFormats.ALGORITHM_MESSAGE;
import static org.pkiaas.input.FieldFormats.CURVES;
import static org.pkiaas.input.FieldFormats.CURVE_MESSAGE;
import static org.pkiaas.input.FieldFormats.KEY_TYPES;
import static org.pkiaas.input.FieldFormats.KEY_TYPE_MESSAGE;
import static org.pkiaas.input.FieldFormats.USAGE;
import static org.pkiaas.input.FieldFormats.USAGE_MESSAGE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pkiaas.ca.control.CaDraft;
import org.pkiaas.input.PlainText;
import org.pkiaas.x509.ValidityDays;

/**
 * What a new CA is made of: the body of {@code POST /api/v1/cas} and of the console's Create CA
 * form. Every field but {@code subject.commonName} has a default.
 *
 * @param keyType RSA, EC, ED25519, ML_DSA or SLH_DSA; derived from the key when one is imported
 * @param csrOnly an intermediate: create the key and a CSR, and wait for the signed certificate
 * @param privateKeyPem an existing key to import (PKCS#8, PKCS#1 or SEC1; may be encrypted)
 * @param keyStorage {@code MANAGED} (the default: generated or imported here, wrapped under the
 *     master key) or {@code HSM} (made on an IoT-HSM device; the CA awaits the certificate the
 *     device's agent makes from its HSM provisioning certificate)
 */
public record NewCertificateAuthority(
    @Size(max = 200, message = "A CA name has at most {max} characters") @PlainText String name,
    @Valid CaSubject subject,
    @Pattern(regexp = KEY_TYPES, message = KEY_TYPE_MESSAGE) String keyType,
    Integer keySize,
    @Pattern(regexp = CURVES, message = CURVE_MESSAGE) String curve,
    @Pattern(
            regexp = "[A-Za-z0-9-]{1,32}",
            message = "The parameter set is a name such as ML-DSA-65")
        String parameterSet,
    @Pattern(regexp = ALGORITHM, message = ALGORITHM_MESSAGE) String signatureAlgorithm,
    @Min(value = ValidityDays.MIN, message = ValidityDays.RANGE)
        @Max(value = ValidityDays.MAX, message = ValidityDays.RANGE)
        Integer validityDays,
    @Min(value = 0, message = "The path length is 0 to 16")
        @Max(value = 16, message = "The path length is 0 to 16")
        Integer pathLength,
    @Size(max = 9, message = "At most {max} key usages")
        List<@Pattern(regexp = USAGE, message = USAGE_MESSAGE) String> keyUsage,
    @Size(max = 32, message = "At most {max} extended key usages")
        List<@Pattern(regexp = USAGE, message = USAGE_MESSAGE) String> extendedKeyUsage,
    Boolean csrOnly,
    @Size(max = 65536, message = "A PEM key has at most {max} characters")
        @PlainText(multiline = true)
        String privateKeyPem,
    @Size(max = 1024, message = "A password has at most {max} characters")
        String privateKeyPassword,
    @Pattern(regexp = "MANAGED|HSM", message = "The key storage is MANAGED or HSM")
        String keyStorage) {

  /** The request for {@code CaCreation}; the subject's own errors are raised here. */
  public CaDraft draft() {
    return new CaDraft(
        name,
        subject == null ? null : subject.toX500Name(),
        subject == null ? null : subject.commonName(),
        keyType,
        keySize,
        curve,
        parameterSet,
        signatureAlgorithm,
        validityDays,
        pathLength,
        keyUsage,
        extendedKeyUsage,
        csrOnly,
        privateKeyPem,
        privateKeyPassword,
        keyStorage);
  }

  @Override
  public String toString() {
    // Never print the imported key or its password.
    return "NewCertificateAuthority[name="
        + name
        + ", keyType="
        + keyType
        + ", csrOnly="
        + csrOnly
        + ", keyStorage="
        + keyStorage
        + "]";
  }
}
