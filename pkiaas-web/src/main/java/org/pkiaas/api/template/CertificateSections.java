package org.pkiaas.api.template;

import static org.pkiaas.input.FieldFormats.ALGORITHM;
import static org.pkiaas.input.FieldFormats.ALGORITHM_MESSAGE;
import static org.pkiaas.input.FieldFormats.KEY_TYPES;
import static org.pkiaas.input.FieldFormats.KEY_TYPE_MESSAGE;
import static org.pkiaas.input.FieldFormats.USAGE;
import static org.pkiaas.input.FieldFormats.USAGE_MESSAGE;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.input.JoinedLength;
import org.pkiaas.input.PlainText;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.x509.SanType;

/**
 * The sections of a template's settings that shape its certificates, as the REST API takes ({@link
 * TemplateSettingsRequest}) and shows ({@link TemplateResponse}) them, each mapped to and from its
 * {@link TemplateSettings} counterpart here.
 */
public final class CertificateSections {

  private CertificateSections() {}

  /**
   * @param renewalWindowDays renewal is allowed only this many days or fewer before expiry
   * @param signatureAlgorithm null: the CA's own
   */
  @Schema(name = "General")
  public record General(
      boolean enabled,
      boolean allowPublicRequests,
      boolean renewalAllowed,
      boolean renewalAutoRevoke,
      int renewalWindowDays,
      boolean renewalCopySubject,
      @Pattern(regexp = ALGORITHM, message = ALGORITHM_MESSAGE) String signatureAlgorithm,
      int validityDays,
      @Size(max = 1000, message = "A description has at most {max} characters")
          @PlainText(multiline = true)
          String description) {

    static General of(TemplateSettings.General g) {
      return g == null
          ? null
          : new General(
              g.enabled(),
              g.allowPublicRequests(),
              g.renewalAllowed(),
              g.renewalAutoRevoke(),
              g.renewalWindowDays(),
              g.renewalCopySubject(),
              g.signatureAlgorithm(),
              g.validityDays(),
              g.description());
    }

    TemplateSettings.General toDomain() {
      return new TemplateSettings.General(
          enabled,
          allowPublicRequests,
          renewalAllowed,
          renewalAutoRevoke,
          renewalWindowDays,
          renewalCopySubject,
          signatureAlgorithm,
          validityDays,
          description);
    }
  }

  /**
   * @param suppliedByCsr true: the CSR's subject is used as it is; false: each non-null default
   *     below replaces (or adds) that attribute, the common name still coming from the request
   */
  @Schema(name = "Subject")
  public record Subject(
      boolean suppliedByCsr,
      @Size(max = 64, message = "At most {max} characters are allowed") @PlainText
          String organization,
      @Size(max = 64, message = "At most {max} characters are allowed") @PlainText
          String organizationalUnit,
      @Size(max = 128, message = "At most {max} characters are allowed") @PlainText String locality,
      @Size(max = 128, message = "At most {max} characters are allowed") @PlainText String state,
      @Pattern(regexp = "[A-Za-z]{2}", message = "The country is a two-letter ISO 3166 code")
          String country) {

    static Subject of(TemplateSettings.Subject s) {
      return s == null
          ? null
          : new Subject(
              s.suppliedByCsr(),
              s.organization(),
              s.organizationalUnit(),
              s.locality(),
              s.state(),
              s.country());
    }

    TemplateSettings.Subject toDomain() {
      return new TemplateSettings.Subject(
          suppliedByCsr, organization, organizationalUnit, locality, state, country);
    }
  }

  /** Key usages and extended key usages (names, or dotted OIDs for custom purposes). */
  @Schema(name = "Usage")
  public record Usage(
      @Size(max = 9, message = "At most {max} key usages")
          List<@Pattern(regexp = USAGE, message = USAGE_MESSAGE) String> keyUsage,
      @Size(max = 32, message = "At most {max} extended key usages") @JoinedLength(max = 1000)
          List<@Pattern(regexp = USAGE, message = USAGE_MESSAGE) String> extendedKeyUsage,
      boolean extendedKeyUsageCritical,
      boolean ocspNoCheck) {

    static Usage of(TemplateSettings.Usage u) {
      return u == null
          ? null
          : new Usage(
              u.keyUsage(), u.extendedKeyUsage(), u.extendedKeyUsageCritical(), u.ocspNoCheck());
    }

    TemplateSettings.Usage toDomain() {
      return new TemplateSettings.Usage(
          keyUsage, extendedKeyUsage, extendedKeyUsageCritical, ocspNoCheck);
    }
  }

  /**
   * @param pathLength for CA certificates; null = unlimited
   */
  @Schema(name = "Constraints")
  public record Constraints(boolean ca, Integer pathLength) {

    static Constraints of(TemplateSettings.Constraints c) {
      return c == null ? null : new Constraints(c.ca(), c.pathLength());
    }

    TemplateSettings.Constraints toDomain() {
      return new TemplateSettings.Constraints(ca, pathLength);
    }
  }

  /**
   * @param caIssuersUrl null: the CA certificate URL under the public base URL
   * @param policyOid the certificate policy written when {@code includePolicies}
   */
  @Schema(name = "Distribution")
  public record Distribution(
      boolean includeAia,
      @Size(max = 1000, message = "A URL has at most {max} characters") @PlainText
          String caIssuersUrl,
      boolean includeOcsp,
      boolean includeCrl,
      boolean includeFreshestCrl,
      boolean includePolicies,
      @Pattern(
              regexp = "[0-9.]{1,100}",
              message = "The policy is a dotted OID such as 2.23.140.1.2.1")
          String policyOid) {

    static Distribution of(TemplateSettings.Distribution d) {
      return d == null
          ? null
          : new Distribution(
              d.includeAia(),
              d.caIssuersUrl(),
              d.includeOcsp(),
              d.includeCrl(),
              d.includeFreshestCrl(),
              d.includePolicies(),
              d.policyOid());
    }

    TemplateSettings.Distribution toDomain() {
      return new TemplateSettings.Distribution(
          includeAia,
          caIssuersUrl,
          includeOcsp,
          includeCrl,
          includeFreshestCrl,
          includePolicies,
          policyOid);
    }
  }

  /** What a request may bring: key types and sizes, SAN types, its own extensions. */
  @Schema(name = "Requests")
  public record Requests(
      @Size(max = 5, message = "At most {max} key types")
          List<@Pattern(regexp = KEY_TYPES, message = KEY_TYPE_MESSAGE) String> allowedKeyTypes,
      int minimumRsaBits,
      @Size(max = 16, message = "At most {max} SAN types") List<SanType> allowedSanTypes,
      boolean allowCsrExtensions) {

    static Requests of(TemplateSettings.Requests r) {
      return r == null
          ? null
          : new Requests(
              r.allowedKeyTypes(), r.minimumRsaBits(), r.allowedSanTypes(), r.allowCsrExtensions());
    }

    TemplateSettings.Requests toDomain() {
      return new TemplateSettings.Requests(
          allowedKeyTypes, minimumRsaBits, allowedSanTypes, allowCsrExtensions);
    }
  }
}
