package org.pkiaas.api.issuance;

import static org.pkiaas.input.FieldFormats.MAX_DN_LENGTH;
import static org.pkiaas.input.FieldFormats.MAX_NAMES;
import static org.pkiaas.input.FieldFormats.MAX_NAMES_JOINED;
import static org.pkiaas.input.FieldFormats.MAX_NAME_LENGTH;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.input.JoinedLength;
import org.pkiaas.input.PlainText;
import org.pkiaas.issuance.boundary.SignOverrides;
import org.pkiaas.x509.ValidityDays;

/**
 * The body of sign and approve (and a bulk call's {@code overrides}): what the signer changes in
 * the request. Absent fields keep the request's or the template's value. Limits as in {@code
 * docs/api-limits.md}.
 *
 * <p>{@link PreApprovalRequest} repeats {@code subject}, {@code subjectAltNames} and {@code
 * validityDays} with the same constraints, on purpose: both bodies are flat JSON objects, and each
 * way of sharing the three fields changes the API or its OpenAPI document. A nested record changes
 * the body and the field names in a refusal; JSON-B has no unwrapping, and {@code
 * RequestBodyBinder} binds records only, so there is no common superclass; constraints on an
 * interface's accessors are not property constraints to Bean Validation (a record's accessor is not
 * a getter); and a composed constraint hides {@code maxLength} and {@code minimum} from the OpenAPI
 * document, which SmallRye derives from the standard constraints only.
 *
 * @param subject a distinguished name such as {@code C=DE,O=Example,CN=www.example.com}
 * @param subjectAltNames {@code DNS:…}, {@code IP:…}, …
 */
@Schema(name = "SignOverrides")
public record SignOverridesRequest(
    @Size(max = MAX_DN_LENGTH, message = "A subject has at most {max} characters") @PlainText
        String subject,
    @Size(max = MAX_NAMES, message = "At most {max} subject alternative names")
        @JoinedLength(max = MAX_NAMES_JOINED)
        List<
                @Size(max = MAX_NAME_LENGTH, message = "A name has at most {max} characters")
                @PlainText String>
            subjectAltNames,
    @Min(value = ValidityDays.MIN, message = ValidityDays.RANGE)
        @Max(value = ValidityDays.MAX, message = ValidityDays.RANGE)
        Integer validityDays) {

  /** The boundary's overrides; none when there was no body. */
  static SignOverrides toDomain(SignOverridesRequest request) {
    return request == null
        ? SignOverrides.NONE
        : new SignOverrides(request.subject, request.subjectAltNames, request.validityDays);
  }
}
