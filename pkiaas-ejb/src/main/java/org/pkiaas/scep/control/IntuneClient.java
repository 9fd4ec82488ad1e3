package org.pkiaas.scep.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.x509.Der;

/**
 * Microsoft Intune's SCEP validation API as Microsoft's published client library speaks it
 * (microsoft/Intune-Resource-Access, {@code src/CsrValidation}; Microsoft Learn "Use APIs to add
 * third-party CAs for SCEP to Intune"): an Entra ID token by OAuth 2.0 client credentials (RFC 6749
 * §4.4), the validation service's URL from Microsoft Graph's service discovery, then {@code
 * ScepActions/validateRequest}, {@code successNotification} or {@code failureNotification}.
 * Anything but HTTP 2xx with {@code "code":"Success"} is an {@link IntuneException}: the caller
 * issues nothing. Tokens and discovered URLs are cached; a failure forgets the URL. The client
 * secret and the tokens never appear in a message.
 */
public class IntuneClient {

  /** Intune's application id, whose endpoints Graph lists. */
  static final String INTUNE_APP_ID = "0000000a-0000-0000-c000-000000000000";

  static final String VALIDATION_SERVICE = "ScepRequestValidationFEService";
  static final String API_VERSION = "2018-02-20";
  static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

  /** The reference client's scope, double slash included. */
  static final String INTUNE_SCOPE = "https://api.manage.microsoft.com//.default";

  /** E_FAIL, the HRESULT reported when the CA refuses after Intune approved. */
  public static final long E_FAIL = 0x80004005L;

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * One template's connection.
   *
   * @param authorityUrl Entra ID's base URL, such as {@code https://login.microsoftonline.com/}
   * @param graphUrl Microsoft Graph's base URL, such as {@code https://graph.microsoft.com/}
   */
  public record Tenant(
      String authorityUrl,
      String graphUrl,
      String tenantId,
      String clientId,
      String clientSecret,
      Duration timeout) {

    @Override
    public String toString() {
      return "Tenant[" + tenantId + ", " + clientId + "]";
    }
  }

  private final Map<String, String> services = new ConcurrentHashMap<>();
  private final MicrosoftOnline online;
  private final String callerInfo;

  /**
   * @param callerInfo the product name and version, sent as {@code callerInfo} and {@code
   *     UserAgent}
   */
  public IntuneClient(HttpClient http, String callerInfo) {
    this.online = new MicrosoftOnline(http);
    this.callerInfo = callerInfo;
  }

  /** {@code validateRequest}: whether Intune issued the challenge in {@code csr} for this CSR. */
  public void validateRequest(Tenant tenant, String transactionId, byte[] csr) {
    call(
        tenant,
        "ScepActions/validateRequest",
        Json.createObjectBuilder().add("request", common(transactionId, csr)).build());
  }

  /** {@code successNotification}: the certificate issued for {@code csr}. */
  public void successNotification(
      Tenant tenant,
      String transactionId,
      byte[] csr,
      X509CertificateHolder certificate,
      String caConfiguration) {
    String issuer = certificate.getIssuer().toString();
    JsonObjectBuilder notification =
        common(transactionId, csr)
            .add(
                "certificateThumbprint",
                HexFormat.of().withUpperCase().formatHex(sha1(Der.encoded(certificate))))
            .add(
                "certificateSerialNumber",
                certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT))
            .add("certificateExpirationDateUtc", UTC.format(certificate.getNotAfter().toInstant()))
            .add("issuingCertificateAuthority", issuer)
            .add("caConfiguration", caConfiguration)
            .add("certificateAuthority", issuer);
    call(
        tenant,
        "ScepActions/successNotification",
        Json.createObjectBuilder().add("notification", notification).build());
  }

  /** {@code failureNotification}: no certificate was issued for {@code csr}, and why. */
  public void failureNotification(
      Tenant tenant, String transactionId, byte[] csr, long hResult, String description) {
    String text = description.length() > 255 ? description.substring(0, 255) : description;
    call(
        tenant,
        "ScepActions/failureNotification",
        Json.createObjectBuilder()
            .add(
                "notification",
                common(transactionId, csr).add("hResult", hResult).add("errorDescription", text))
            .build());
  }

  private JsonObjectBuilder common(String transactionId, byte[] csr) {
    return Json.createObjectBuilder()
        .add("transactionId", transactionId)
        .add("certificateRequest", Base64.getEncoder().encodeToString(csr))
        .add("callerInfo", callerInfo);
  }

  private void call(Tenant tenant, String action, JsonObject body) {
    String service = service(tenant);
    HttpRequest request =
        HttpRequest.newBuilder(MicrosoftOnline.uri(service.replaceAll("/+$", "") + "/" + action))
            .timeout(tenant.timeout())
            .header("Authorization", "Bearer " + online.token(tenant, INTUNE_SCOPE))
            .header("content-type", "application/json")
            .header("client-request-id", UUID.randomUUID().toString())
            .header("api-version", API_VERSION)
            .header("UserAgent", callerInfo)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> answer;
    try {
      answer = online.send(request, "Intune's validation service");
    } catch (IntuneException e) {
      services.remove(serviceKey(tenant));
      throw e;
    }
    JsonObject result = MicrosoftOnline.json(answer, "Intune's validation service");
    String code = result.getString("code", "");
    if (!"Success".equals(code)) {
      throw new IntuneException(
          code.isEmpty() ? "Unknown" : code,
          "Intune refused the request: "
              + (code.isEmpty() ? "no code" : code)
              + describe(result.getString("errorDescription", "")));
    }
  }

  /** The validation service's URL, from Graph's list of Intune's endpoints (cached). */
  private String service(Tenant tenant) {
    String cached = services.get(serviceKey(tenant));
    if (cached != null) {
      return cached;
    }
    HttpRequest request =
        HttpRequest.newBuilder(
                MicrosoftOnline.uri(
                    MicrosoftOnline.slash(tenant.graphUrl())
                        + "v1.0/servicePrincipals/appId="
                        + INTUNE_APP_ID
                        + "/endpoints"))
            .timeout(tenant.timeout())
            .header("Authorization", "Bearer " + online.token(tenant, GRAPH_SCOPE))
            .header("client-request-id", UUID.randomUUID().toString())
            .GET()
            .build();
    JsonObject endpoints =
        MicrosoftOnline.json(online.send(request, "Microsoft Graph"), "Microsoft Graph");
    for (JsonValue value :
        endpoints.getJsonArray("value") == null
            ? JsonValue.EMPTY_JSON_ARRAY
            : endpoints.getJsonArray("value")) {
      if (value instanceof JsonObject endpoint
          && VALIDATION_SERVICE.equalsIgnoreCase(endpoint.getString("providerName", ""))
          && !endpoint.getString("uri", "").isEmpty()) {
        String uri = endpoint.getString("uri");
        services.put(serviceKey(tenant), uri);
        return uri;
      }
    }
    throw new IntuneException(null, "Microsoft Graph lists no " + VALIDATION_SERVICE);
  }

  private static String describe(String description) {
    String text = description.strip();
    if (text.length() > 200) {
      text = text.substring(0, 200) + "…";
    }
    return text.isEmpty() ? "" : " (" + text + ")";
  }

  private static String serviceKey(Tenant tenant) {
    return tenant.graphUrl() + "|" + tenant.tenantId() + "|" + tenant.clientId();
  }

  /** The certificate thumbprint Windows and Intune show: SHA-1 of the DER. */
  private static byte[] sha1(byte[] der) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(der);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
