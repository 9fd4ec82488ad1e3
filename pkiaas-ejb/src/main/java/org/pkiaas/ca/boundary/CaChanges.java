package org.pkiaas.ca.boundary;

import static org.pkiaas.input.FieldFormats.CURVES;
import static org.pkiaas.input.FieldFormats.CURVE_MESSAGE;
import static org.pkiaas.input.FieldFormats.KEY_TYPES;
import static org.pkiaas.input.FieldFormats.KEY_TYPE_MESSAGE;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pkiaas.input.PlainText;

/**
 * The editable parts of a CA ({@code PATCH /api/v1/cas/{id}}, the console's Edit CA): its CPS, the
 * key type, size and hash of the certificates its services (OCSP, timestamping) sign with, and how
 * long its CRLs are valid. Absent fields stay as they are.
 */
public record CaChanges(
    @Size(
            max = 100_000,
            message = "The CPS text has at most {max} characters; link a longer CPS with cpsUrl")
        @PlainText(multiline = true)
        String cpsText,
    @Size(max = 1000, message = "The CPS URL has at most {max} characters") @PlainText
        String cpsUrl,
    @Pattern(regexp = KEY_TYPES, message = KEY_TYPE_MESSAGE) String serviceKeyType,
    Integer serviceKeySize,
    @Pattern(regexp = CURVES, message = CURVE_MESSAGE) String serviceCurve,
    @Pattern(
            regexp = "SHA256|SHA384|SHA512|SHA-256|SHA-384|SHA-512",
            message = "The hash is SHA256, SHA384 or SHA512")
        String serviceSignatureHash,
    @Min(value = 1, message = "A CRL is valid for 1 to 366 days")
        @Max(value = 366, message = "A CRL is valid for 1 to 366 days")
        Integer crlValidityDays) {}
