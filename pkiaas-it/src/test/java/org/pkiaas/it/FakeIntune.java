package org.pkiaas.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Entra ID, Microsoft Graph and Intune's SCEP validation service as the tests' own HTTP server,
 * following Microsoft's published contract (microsoft/Intune-Resource-Access, src/CsrValidation;
 * see docs/protocol-notes): the client-credentials token endpoint, Graph's list of Intune's
 * endpoints, and the three {@code ScepActions}. Every request is checked against the contract
 * (method, headers, token audience, JSON fields and their formats); what deviates is recorded in
 * {@link #violations()}, which the tests expect to stay empty. The answer to a CSR is scripted by
 * its challenge password: {@code ok} succeeds; an error code name (such as {@code
 * ChallengeExpired}) is answered with that code; {@code boom} gets HTTP 500; {@code slow} waits
 * past the server's deadline; {@code notify-fails} validates but refuses the success notification.
 */
final class FakeIntune implements AutoCloseable {

  static final String TENANT = "contoso.onmicrosoft.com";
  static final String CLIENT_ID = "5f1b0c9e-2d3a-4b6c-9e8f-0a1b2c3d4e5f";
  static final String CLIENT_SECRET = "Fake~Intune.Secret_0123456789";
  static final String INTUNE_APP = "0000000a-0000-0000-c000-000000000000";

  /** The codes of IntuneScepServiceException.ErrorCode other than Success. */
  static final List<String> ERROR_CODES =
      List.of(
          "CertificateRequestDecodingFailed",
          "ChallengePasswordMissing",
          "ChallengeDeserializationError",
          "ChallengeDecryptionError",
          "ChallengeDecodingError",
          "ChallengeInvalidTimestamp",
          "ChallengeExpired",
          "SubjectNameMissing",
          "SubjectNameMismatch",
          "SubjectAltNameMissing",
          "SubjectAltNameMismatch",
          "KeyUsageMismatch",
          "KeyLengthMismatch",
          "EnhancedKeyUsageMissing",
          "EnhancedKeyUsageMismatch",
          "AadKeyIdentifierListMissing",
          "RegisteredKeyMismatch",
          "SigningCertThumbprintMismatch",
          "ScepProfileNoLongerTargetedToTheClient",
          "SignatureValidationFailed",
          "BadCertificateRequestIdInChallenge",
          "BadDeviceIdInChallenge",
          "BadUserIdInChallenge");

  /** One call to a ScepAction: its name and JSON body. */
  record Call(String action, JsonObject body) {}

  private final HttpServer server;
  private final Map<String, String> tokens = new HashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();

  FakeIntune(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
    } catch (IOException e) {
      throw new IllegalStateException("The fake Intune cannot listen on " + port, e);
    }
    server.createContext("/" + TENANT + "/oauth2/v2.0/token", this::token);
    server.createContext("/graph/", this::discovery);
    server.createContext("/intune/scep/ScepActions/", this::action);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** The Entra ID base URL (authorityUrl). */
  String authorityUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** The Microsoft Graph base URL (graphUrl). */
  String graphUrl() {
    return authorityUrl() + "graph/";
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  void reset() {
    calls.clear();
    violations.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void token(HttpExchange exchange) throws IOException {
    expect(exchange.getRequestMethod().equals("POST"), "the token request is a POST");
    expect(
        exchange
            .getRequestHeaders()
            .getFirst("Content-Type")
            .startsWith("application/x-www-form-urlencoded"),
        "the token request is form-encoded");
    Map<String, String> form = new HashMap<>();
    for (String pair : read(exchange.getRequestBody()).split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    String scope = form.get("scope");
    if (!"client_credentials".equals(form.get("grant_type"))
        || !CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))
        || !Set.of(
                "https://graph.microsoft.com/.default",
                "https://api.manage.microsoft.com//.default")
            .contains(scope)) {
      violations.add("token request " + form.keySet() + " scope " + scope);
      answer(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    String token = UUID.randomUUID().toString();
    synchronized (tokens) {
      tokens.put(token, scope);
    }
    answer(
        exchange,
        200,
        Json.createObjectBuilder()
            .add("token_type", "Bearer")
            .add("expires_in", 3599)
            .add("ext_expires_in", 3599)
            .add("access_token", token)
            .build()
            .toString());
  }

  private void discovery(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    expect(exchange.getRequestMethod().equals("GET"), "discovery is a GET");
    expect(
        path.equals("/graph/v1.0/servicePrincipals/appId=" + INTUNE_APP + "/endpoints"),
        "discovery asks for Intune's endpoints: " + path);
    expectToken(exchange, "https://graph.microsoft.com/.default");
    expectRequestId(exchange);
    String base = authorityUrl() + "intune/scep";
    answer(
        exchange,
        200,
        "{\"value\":[{\"providerName\":\"PkiConnectorFEService\",\"uri\":\""
            + authorityUrl()
            + "intune/pki\"},{\"providerName\":\"ScepRequestValidationFEService\",\"uri\":\""
            + base
            + "\"}]}");
  }

  private void action(HttpExchange exchange) throws IOException {
    String action = exchange.getRequestURI().getPath().replace("/intune/scep/ScepActions/", "");
    expect(exchange.getRequestMethod().equals("POST"), action + " is a POST");
    expectToken(exchange, "https://api.manage.microsoft.com//.default");
    expectRequestId(exchange);
    var headers = exchange.getRequestHeaders();
    expect("2018-02-20".equals(headers.getFirst("api-version")), "api-version 2018-02-20");
    expect("application/json".equals(headers.getFirst("content-type")), "content-type is JSON");
    expect(headers.getFirst("UserAgent") != null, "a UserAgent header names the caller");
    JsonObject body =
        Json.createReader(new StringReader(read(exchange.getRequestBody()))).readObject();
    calls.add(new Call(action, body));
    String challenge = "";
    switch (action) {
      case "validateRequest" -> {
        JsonObject request = body.getJsonObject("request");
        challenge = common(action, request);
      }
      case "successNotification" -> {
        JsonObject n = body.getJsonObject("notification");
        challenge = common(action, n);
        expect(
            n.getString("certificateThumbprint", "").matches("[0-9A-F]{40}"),
            "thumbprint: SHA-1 in upper-case hex");
        expect(n.getString("certificateSerialNumber", "").matches("[0-9A-Fa-f]+"), "serial in hex");
        expect(
            n.getString("certificateExpirationDateUtc", "")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"),
            "expiry as ISO 8601 UTC");
        expect(
            !n.getString("issuingCertificateAuthority", "").isEmpty(), "the issuing CA is named");
        if (challenge.equals("notify-fails")) {
          answer(exchange, 503, "{\"error\":\"ServiceUnavailable\"}");
          return;
        }
      }
      case "failureNotification" -> {
        JsonObject n = body.getJsonObject("notification");
        challenge = common(action, n);
        expect(n.containsKey("hResult"), "hResult is sent");
        expect(!n.getString("errorDescription", "").isEmpty(), "errorDescription is sent");
      }
      default -> {
        violations.add("unknown action " + action);
        answer(exchange, 404, "{}");
        return;
      }
    }
    if (action.equals("validateRequest")) {
      if (challenge.equals("boom")) {
        answer(exchange, 500, "{\"error\":\"InternalServerError\"}");
        return;
      }
      if (challenge.equals("slow")) {
        sleep(5000);
      }
      if (ERROR_CODES.contains(challenge)) {
        answer(exchange, 200, result(challenge, "Scripted refusal: " + challenge));
        return;
      }
    }
    answer(exchange, 200, result("Success", ""));
  }

  /** Checks the fields every ScepAction carries; returns the CSR's challenge password. */
  private String common(String action, JsonObject object) {
    if (object == null) {
      violations.add(action + " without its request/notification object");
      return "";
    }
    expect(!object.getString("transactionId", "").isEmpty(), action + " has a transactionId");
    expect(!object.getString("callerInfo", "").isEmpty(), action + " has callerInfo");
    try {
      PKCS10CertificationRequest csr =
          new PKCS10CertificationRequest(
              Base64.getDecoder().decode(object.getString("certificateRequest", "")));
      var attributes = csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_challengePassword);
      expect(attributes.length == 1, action + ": the CSR keeps its challengePassword");
      return attributes.length == 0
          ? ""
          : ((ASN1String) attributes[0].getAttrValues().getObjectAt(0)).getString();
    } catch (IOException | RuntimeException e) {
      violations.add(action + ": certificateRequest is not base64 DER PKCS#10: " + e);
      return "";
    }
  }

  private void expectToken(HttpExchange exchange, String scope) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String issuedFor;
    synchronized (tokens) {
      issuedFor =
          authorization == null || !authorization.startsWith("Bearer ")
              ? null
              : tokens.get(authorization.substring(7));
    }
    expect(scope.equals(issuedFor), exchange.getRequestURI() + " with a token for " + scope);
  }

  private void expectRequestId(HttpExchange exchange) {
    String id = exchange.getRequestHeaders().getFirst("client-request-id");
    try {
      UUID.fromString(id);
    } catch (RuntimeException e) {
      violations.add(exchange.getRequestURI() + ": client-request-id is no UUID: " + id);
    }
  }

  private void expect(boolean condition, String rule) {
    if (!condition) {
      violations.add(rule);
    }
  }

  private static String result(String code, String description) {
    return Json.createObjectBuilder()
        .add("code", code)
        .add("errorDescription", description)
        .build()
        .toString();
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException e) {
      // the caller stopped waiting (the slow script): nothing to answer to
    }
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The actions called for the CSRs with {@code challenge}, in order. */
  List<String> actionsFor(String transactionId) {
    List<String> actions = new ArrayList<>();
    for (Call call : calls) {
      JsonObject inner =
          call.body().containsKey("request")
              ? call.body().getJsonObject("request")
              : call.body().getJsonObject("notification");
      if (inner != null && transactionId.equals(inner.getString("transactionId", ""))) {
        actions.add(call.action());
      }
    }
    return actions;
  }
}
