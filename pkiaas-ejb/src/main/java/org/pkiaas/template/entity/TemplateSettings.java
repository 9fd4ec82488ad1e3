package org.pkiaas.template.entity;

import java.time.Instant;
import java.util.List;
import org.pkiaas.x509.SanType;

/**
 * Everything a certificate template decides, grouped as the console's tabs are (user guide 4.3.1),
 * and the input of the certificate profile. {@code TemplateValidation} checks it; the REST API has
 * records of its own ({@code TemplateSettingsRequest} in pkiaas-web) that map onto it.
 */
public record TemplateSettings(
    String name,
    General general,
    Subject subject,
    Usage keyUsage,
    Constraints basicConstraints,
    Distribution distribution,
    Requests requests,
    Scep scep,
    CertificateTransparency certificateTransparency,
    Est est) {

  /**
   * @param renewalWindowDays renewal is allowed only this many days or fewer before expiry
   * @param signatureAlgorithm null: the CA's own
   */
  public record General(
      boolean enabled,
      boolean allowPublicRequests,
      boolean renewalAllowed,
      boolean renewalAutoRevoke,
      int renewalWindowDays,
      boolean renewalCopySubject,
      String signatureAlgorithm,
      int validityDays,
      String description) {}

  /**
   * @param suppliedByCsr true: the CSR's subject is used as it is; false: each non-null default
   *     below replaces (or adds) that attribute, the common name still coming from the request
   */
  public record Subject(
      boolean suppliedByCsr,
      String organization,
      String organizationalUnit,
      String locality,
      String state,
      String country) {}

  /** Key usages and extended key usages (names, or dotted OIDs for custom purposes). */
  public record Usage(
      List<String> keyUsage,
      List<String> extendedKeyUsage,
      boolean extendedKeyUsageCritical,
      boolean ocspNoCheck) {}

  /**
   * @param pathLength for CA certificates; null = unlimited
   */
  public record Constraints(boolean ca, Integer pathLength) {}

  /**
   * @param caIssuersUrl null: the CA certificate URL under the public base URL
   * @param policyOid the certificate policy written when {@code includePolicies}
   */
  public record Distribution(
      boolean includeAia,
      String caIssuersUrl,
      boolean includeOcsp,
      boolean includeCrl,
      boolean includeFreshestCrl,
      boolean includePolicies,
      String policyOid) {}

  /** What a request may bring: key types and sizes, SAN types, its own extensions. */
  public record Requests(
      List<String> allowedKeyTypes,
      int minimumRsaBits,
      List<SanType> allowedSanTypes,
      boolean allowCsrExtensions) {}

  /**
   * The SCEP tab (user guide 6): the SCEP URL on or off, how challenges are checked, and whether
   * SCEP requests wait for an administrator ({@code approval}: PKCSReq answers PENDING and the
   * client polls).
   */
  public record Scep(
      boolean enabled,
      boolean staticPassphrase,
      boolean intune,
      boolean stripRoot,
      boolean ndes,
      boolean ndesBasicAuth,
      boolean ipAcl,
      String ipAclList,
      boolean approval,
      String ipAclScope,
      Intune intuneConnection) {

    /**
     * The Microsoft Intune connection of a SCEP template (user guide 6.2): the Entra ID tenant and
     * application whose client credentials call Intune's SCEP validation API, and the base URLs of
     * Entra ID and Microsoft Graph (Microsoft's by default). The client secret is set on its own
     * ({@code PUT /api/v1/templates/{id}/scep/intune-secret}), kept encrypted and never shown.
     *
     * @param timeoutMillis the deadline of each call to Entra ID, Graph or Intune; null: 10 s
     */
    public record Intune(
        String tenantId,
        String clientId,
        String authorityUrl,
        String graphUrl,
        Integer timeoutMillis) {

      public static final String AUTHORITY = "https://login.microsoftonline.com/";
      public static final String GRAPH = "https://graph.microsoft.com/";
    }
  }

  /**
   * The EST tab (RFC 7030): the template's EST service on or off, the label of its URL ({@code
   * /.well-known/est/{label}/}, unique in the installation, RFC 7030 §3.2.2), and whether
   * enrollments wait for an administrator ({@code approval}: simpleenroll answers 202 with
   * Retry-After until the request is signed, §4.2.3). Clients authenticate with the template's EST
   * username and password (HTTP Basic, §3.2.3), set apart from these settings, or, when {@code
   * clientCertificate} is on, with a TLS client certificate the same CA issued and has not revoked
   * (§3.3.2). simplereenroll always takes the client certificate of the certificate it renews.
   */
  public record Est(boolean enabled, String label, boolean approval, boolean clientCertificate) {

    public static final Est OFF = new Est(false, null, false, false);
  }

  /** An EST label: a URL path segment of letters, digits, dot, dash and underscore. */
  public static final String EST_LABEL = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  public static final String EST_LABEL_MESSAGE =
      "An EST label has 1 to 64 letters, digits, '.', '-' or '_' and starts with a letter or digit";

  /**
   * Certificate Transparency (RFC 6962): the logs each certificate of the template is submitted to
   * as a precertificate, and how many verified SCTs it must carry (user guide 4.3.1, "CT Logs").
   *
   * @param sctsRequired null: one per log that accepts the certificate
   */
  public record CertificateTransparency(List<CtLog> logs, Integer sctsRequired) {

    public static final CertificateTransparency NONE = new CertificateTransparency(List.of(), null);

    public boolean enabled() {
      return logs != null && !logs.isEmpty();
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
  public record CtLog(
      String url,
      String publicKey,
      Instant notAfterFrom,
      Instant notAfterUntil,
      Integer timeoutMillis) {}
}
