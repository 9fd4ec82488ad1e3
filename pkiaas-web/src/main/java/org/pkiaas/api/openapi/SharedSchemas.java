package org.pkiaas.api.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.RevocationReason;

/**
 * Enum schemas that several fields share and that no Java enum spells as the API does, built here
 * from the enums they come from, so the document cannot drift from them. Fields refer to them with
 * {@code @Schema(ref = ...)}.
 */
public final class SharedSchemas {

  /** RFC 5280 reason names ({@code keyCompromise}), as the API takes and shows them. */
  public static final String REVOCATION_REASON = "RevocationReasonName";

  /** A certificate's status as the API shows it: the stored one, or EXPIRED after notAfter. */
  public static final String CERTIFICATE_STATUS = "CertificateState";

  private SharedSchemas() {}

  static void add(Components components) {
    List<Object> reasons = new ArrayList<>();
    Arrays.stream(RevocationReason.values()).forEach(r -> reasons.add(r.rfcName()));
    components.addSchema(REVOCATION_REASON, words(reasons, "An RFC 5280 revocation reason"));
    List<Object> states = new ArrayList<>();
    Arrays.stream(CertificateStatus.values()).forEach(s -> states.add(s.name()));
    states.add("EXPIRED");
    components.addSchema(
        CERTIFICATE_STATUS,
        words(states, "VALID, REVOKED or ON_HOLD as stored; EXPIRED once notAfter has passed"));
  }

  private static Schema words(List<Object> words, String description) {
    return OASFactory.createSchema()
        .type(List.of(Schema.SchemaType.STRING))
        .description(description)
        .enumeration(words);
  }
}
