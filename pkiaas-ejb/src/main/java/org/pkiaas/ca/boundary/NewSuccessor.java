package org.pkiaas.ca.boundary;

import static org.pkiaas.input.FieldFormats.ALGORITHM;
import static org.pkiaas.input.FieldFormats.ALGORITHM_MESSAGE;
import static org.pkiaas.input.FieldFormats.CURVES;
import static org.pkiaas.input.FieldFormats.CURVE_MESSAGE;
import static org.pkiaas.input.FieldFormats.KEY_TYPES;
import static org.pkiaas.input.FieldFormats.KEY_TYPE_MESSAGE;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.pkiaas.ca.control.CaSuccession;
import org.pkiaas.x509.ValidityDays;

/**
 * What a CA's next generation changes: the optional body of {@code POST
 * /api/v1/cas/{caId}/successor} and the console's Prepare successor form. Every field left out
 * keeps the CA's own: the same key type and size, signature algorithm and validity. The subject,
 * extensions and service settings are always the CA's.
 *
 * @param keyType RSA, EC, ED25519, ML_DSA or SLH_DSA
 */
public record NewSuccessor(
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
        Integer validityDays) {

  /** Everything as the CA has it. */
  public static final NewSuccessor SAME = new NewSuccessor(null, null, null, null, null, null);

  /** The choices {@link CaSuccession} settles the next generation from. */
  CaSuccession.Choices choices() {
    return new CaSuccession.Choices(
        keyType, keySize, curve, parameterSet, signatureAlgorithm, validityDays);
  }
}
