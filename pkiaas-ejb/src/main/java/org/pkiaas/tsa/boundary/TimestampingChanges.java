package org.pkiaas.tsa.boundary;

import static org.pkiaas.input.FieldFormats.MAX_OID_LENGTH;
import static org.pkiaas.input.FieldFormats.OID;
import static org.pkiaas.input.FieldFormats.OID_MESSAGE;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.ca.entity.Timestamping;

/**
 * A CA's timestamping as its owner sets it ({@code PUT /api/v1/cas/{id}/timestamping}, the
 * console's Edit CA): all of it at once. A default policy left out or empty is the operator's
 * ({@code <arc>.1}); accepted policies left out are none.
 *
 * @param enabled whether {@code /pki/tsa/{caId}} answers; off, it is 404 for both protocols
 * @param defaultPolicy the policy of tokens whose request names none (RFC 3161 §2.4.1)
 * @param acceptedPolicies the other policies a request may name; any other is unacceptedPolicy
 */
public record TimestampingChanges(
    @NotNull(message = "Say whether timestamping is on: true or false") Boolean enabled,
    @Schema(example = "1.3.6.1.4.1.99999.1")
        @Size(max = MAX_OID_LENGTH, message = "A policy has at most {max} characters")
        @Pattern(regexp = "|" + OID, message = OID_MESSAGE)
        String defaultPolicy,
    @Size(
            max = Timestamping.MAX_ACCEPTED,
            message = "A CA accepts at most {max} policies besides its default")
        List<
                @NotNull(message = OID_MESSAGE)
                @Size(max = MAX_OID_LENGTH, message = "A policy has at most {max} characters")
                @Pattern(regexp = OID, message = OID_MESSAGE) String>
            acceptedPolicies) {}
