package org.pkiaas.api.issuance;

import static org.pkiaas.input.FieldFormats.MAX_CSR_LENGTH;
import static org.pkiaas.input.FieldFormats.MAX_EMAIL_LENGTH;
import static org.pkiaas.input.FieldFormats.MAX_NAMES;
import static org.pkiaas.input.FieldFormats.MAX_NAMES_JOINED;
import static org.pkiaas.input.FieldFormats.MAX_NAME_LENGTH;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.ca.boundary.CaSubject;
import org.pkiaas.input.JoinedLength;
import org.pkiaas.input.PlainText;
import org.pkiaas.issuance.boundary.PublicRequests;

/**
 * The body of the public request page's call: either {@code csr}, or {@code subject} and names;
 * {@code email} is required. Limits as in {@code docs/api-limits.md}.
 */
@Schema(name = "PublicRequest")
public record PublicRequestSubmission(
    @Size(max = MAX_EMAIL_LENGTH, message = "An email address has at most {max} characters")
        @PlainText
        String email,
    @Size(max = MAX_CSR_LENGTH, message = "A CSR has at most {max} characters")
        @PlainText(multiline = true)
        String csr,
    @Valid CaSubject subject,
    @Size(max = MAX_NAMES, message = "At most {max} subject alternative names")
        @JoinedLength(max = MAX_NAMES_JOINED)
        List<
                @Size(max = MAX_NAME_LENGTH, message = "A name has at most {max} characters")
                @PlainText String>
            subjectAltNames) {

  PublicRequests.PublicRequest toDomain() {
    return new PublicRequests.PublicRequest(email, csr, subject, subjectAltNames);
  }
}
