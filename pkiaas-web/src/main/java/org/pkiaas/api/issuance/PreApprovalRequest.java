package org.pkiaas.api.issuance;

import static org.pkiaas.input.FieldFormats.MAX_CSR_LENGTH;
import static org.pkiaas.input.FieldFormats.MAX_DN_LENGTH;
import static org.pkiaas.input.FieldFormats.MAX_EMAIL_LENGTH;
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
import org.pkiaas.issuance.boundary.PreApprovals;
import org.pkiaas.x509.ValidityDays;

/**
 * The body of {@code POST /templates/{templateId}/preapproved}: what is fixed up front; {@code csr}
 * redeems at once, {@code email} mails the claim link, {@code appleDevice} hands out an Apple
 * configuration profile instead. Limits as in {@code docs/api-limits.md}.
 *
 * @param subject a distinguished name, e.g. {@code CN=alice,O=Example}
 */
@Schema(name = "PreApproval")
public record PreApprovalRequest(
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
        Integer validityDays,
    @Size(max = MAX_EMAIL_LENGTH, message = "An email address has at most {max} characters")
        @PlainText
        String email,
    @Size(max = MAX_CSR_LENGTH, message = "A CSR has at most {max} characters")
        @PlainText(multiline = true)
        String csr,
    Boolean appleDevice) {

  PreApprovals.PreApproval toDomain() {
    return new PreApprovals.PreApproval(
        subject, subjectAltNames, validityDays, email, csr, appleDevice);
  }
}
