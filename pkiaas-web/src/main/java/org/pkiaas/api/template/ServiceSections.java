package org.pkiaas.api.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.pkiaas.input.PlainText;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The sections of a template's settings for the services its certificates pass through (SCEP, EST,
 * Certificate Transparency), as the REST API takes and shows them, each mapped to and from its
 * {@link TemplateSettings} counterpart here.
 */
public final class ServiceSections {

  private ServiceSections() {}

  /**
   * The SCEP tab (user guide 6): the SCEP URL on or off, how challenges are checked, and whether
   * SCEP requests wait for an administrator ({@code approval}: PKCSReq answers PENDING and the
   * client polls).
   */
  @Schema(name = "Scep")
  public record Scep(
      boolean enabled,
      boolean staticPassphrase,
      boolean intune,
      boolean stripRoot,
      boolean ndes,
      boolean ndesBasicAuth,
      boolean ipAcl,
      @Size(max = 2000, message = "The IP list has at most {max} characters")
          @PlainText(multiline = true)
          String ipAclList,
      boolean approval,
      @Pattern(regexp = "SCEP|NDES|BOTH", message = "The IP list limits SCEP, NDES or BOTH")
          String ipAclScope,
      @Valid Intune intuneConnection) {

    static Scep of(TemplateSettings.Scep s) {
      return s == null
          ? null
          : new Scep(
              s.enabled(),
              s.staticPassphrase(),
              s.intune(),
              s.stripRoot(),
              s.ndes(),
              s.ndesBasicAuth(),
              s.ipAcl(),
              s.ipAclList(),
              s.approval(),
              s.ipAclScope(),
              Intune.of(s.intuneConnection()));
    }

    TemplateSettings.Scep toDomain() {
      return new TemplateSettings.Scep(
          enabled,
          staticPassphrase,
          intune,
          stripRoot,
          ndes,
          ndesBasicAuth,
          ipAcl,
          ipAclList,
          approval,
          ipAclScope,
          intuneConnection == null ? null : intuneConnection.toDomain());
    }

    /**
     * The Microsoft Intune connection of a SCEP template (user guide 6.2): the Entra ID tenant and
     * application whose client credentials call Intune's SCEP validation API, and the base URLs of
     * Entra ID and Microsoft Graph (Microsoft's by default). The client secret is set on its own
     * ({@code PUT /api/v1/templates/{id}/scep/intune-secret}), kept encrypted and never shown.
     *
     * @param timeoutMillis the deadline of each call to Entra ID, Graph or Intune; null: 10 s
     */
    @Schema(name = "Intune")
    public record Intune(
        @Pattern(
                regexp = "[A-Za-z0-9][A-Za-z0-9.-]{0,127}",
                message = "The tenant is its ID (a GUID) or its domain name")
            String tenantId,
        @Pattern(
                regexp =
                    "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}",
                message = "The application (client) ID is a GUID")
            String clientId,
        @Size(max = 500, message = "A URL has at most {max} characters") @PlainText
            String authorityUrl,
        @Size(max = 500, message = "A URL has at most {max} characters") @PlainText String graphUrl,
        Integer timeoutMillis) {

      static Intune of(TemplateSettings.Scep.Intune i) {
        return i == null
            ? null
            : new Intune(
                i.tenantId(), i.clientId(), i.authorityUrl(), i.graphUrl(), i.timeoutMillis());
      }

      TemplateSettings.Scep.Intune toDomain() {
        return new TemplateSettings.Scep.Intune(
            tenantId, clientId, authorityUrl, graphUrl, timeoutMillis);
      }
    }
  }

  /**
   * The EST tab (RFC 7030): the service on or off, the label of its URL ({@code
   * /.well-known/est/{label}/}, unique in the installation), whether enrollments wait for an
   * administrator, and whether a TLS client certificate authenticates instead of the template's EST
   * username and password.
   */
  @Schema(name = "Est")
  public record Est(
      boolean enabled,
      @Pattern(regexp = TemplateSettings.EST_LABEL, message = TemplateSettings.EST_LABEL_MESSAGE)
          String label,
      boolean approval,
      boolean clientCertificate) {

    static Est of(TemplateSettings.Est e) {
      return e == null
          ? null
          : new Est(e.enabled(), e.label(), e.approval(), e.clientCertificate());
    }

    TemplateSettings.Est toDomain() {
      return new TemplateSettings.Est(enabled, label, approval, clientCertificate);
    }
  }

  /**
   * Certificate Transparency (RFC 6962): the logs each certificate of the template is submitted to
   * as a precertificate, and how many verified SCTs it must carry.
   *
   * @param sctsRequired null: one per log that accepts the certificate
   */
  @Schema(name = "CertificateTransparency")
  public record CertificateTransparency(
      @Size(max = 8, message = "At most {max} CT logs") List<@Valid CtLog> logs,
      Integer sctsRequired) {

    static CertificateTransparency of(TemplateSettings.CertificateTransparency t) {
      return t == null
          ? null
          : new CertificateTransparency(
              t.logs() == null ? null : t.logs().stream().map(CtLog::of).toList(),
              t.sctsRequired());
    }

    TemplateSettings.CertificateTransparency toDomain() {
      return new TemplateSettings.CertificateTransparency(
          logs == null ? null : logs.stream().map(CtLog::toDomain).toList(), sctsRequired);
    }
  }

  /**
   * A CT log as log lists describe one.
   *
   * @param url the log's base URL; {@code /ct/v1/add-pre-chain} is added to it
   * @param publicKey base64 of the log's DER SubjectPublicKeyInfo: its SHA-256 is the log id, and
   *     it verifies the log's SCTs
   * @param notAfterFrom with {@code notAfterUntil}, a temporally sharded log's window: it accepts
   *     only certificates whose notAfter is in [from, until); null: unbounded
   * @param timeoutMillis the deadline of a submission; null: 10 s
   */
  @Schema(name = "CtLog")
  public record CtLog(
      @Size(max = 1000, message = "A URL has at most {max} characters") @PlainText String url,
      @Size(max = 1000, message = "A log key has at most {max} characters") @PlainText
          String publicKey,
      Instant notAfterFrom,
      Instant notAfterUntil,
      Integer timeoutMillis) {

    static CtLog of(TemplateSettings.CtLog l) {
      return new CtLog(
          l.url(), l.publicKey(), l.notAfterFrom(), l.notAfterUntil(), l.timeoutMillis());
    }

    TemplateSettings.CtLog toDomain() {
      return new TemplateSettings.CtLog(url, publicKey, notAfterFrom, notAfterUntil, timeoutMillis);
    }
  }
}
