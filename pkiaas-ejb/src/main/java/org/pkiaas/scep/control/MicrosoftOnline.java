package org.pkiaas.scep.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pkiaas.network.OutboundAddresses;
import org.pkiaas.signing.Fingerprints;

/**
 * The HTTP side of {@link IntuneClient}: Entra ID's client-credentials tokens (OAuth 2.0, RFC 6749
 * §4.4, cached until five minutes before they expire), and calls held to the server's outbound
 * address rules ({@link OutboundAddresses}) whose failures become {@link IntuneException}s naming
 * the service, never the secret or a token.
 */
final class MicrosoftOnline {

  private static final int MAX_ANSWER_CHARS = 64 * 1024;

  private record Token(String value, Instant expires) {}

  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final HttpClient http;

  MicrosoftOnline(HttpClient http) {
    this.http = http;
  }

  /** A client-credentials access token for {@code scope} (cached until shortly before expiry). */
  String token(IntuneClient.Tenant tenant, String scope) {
    String key = tenant.authorityUrl() + "|" + tenant.tenantId() + "|" + tenant.clientId() + "|";
    key += Fingerprints.sha256Hex(tenant.clientSecret().getBytes(StandardCharsets.UTF_8)) + scope;
    Token cached = tokens.get(key);
    if (cached != null && Instant.now().isBefore(cached.expires())) {
      return cached.value();
    }
    String form =
        "grant_type=client_credentials&client_id="
            + encode(tenant.clientId())
            + "&client_secret="
            + encode(tenant.clientSecret())
            + "&scope="
            + encode(scope);
    HttpRequest request =
        HttpRequest.newBuilder(
                uri(slash(tenant.authorityUrl()) + tenant.tenantId() + "/oauth2/v2.0/token"))
            .timeout(tenant.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    JsonObject answer = json(send(request, "Entra ID"), "Entra ID");
    String token = answer.getString("access_token", "");
    if (token.isEmpty() || !"bearer".equalsIgnoreCase(answer.getString("token_type", ""))) {
      throw new IntuneException(null, "Entra ID answered without a bearer token");
    }
    long seconds =
        answer.containsKey("expires_in") ? answer.getJsonNumber("expires_in").longValue() : 0;
    tokens.put(key, new Token(token, Instant.now().plusSeconds(Math.max(0, seconds - 300))));
    return token;
  }

  HttpResponse<String> send(HttpRequest request, String who) {
    String host = request.uri().getHost();
    try {
      if (host == null
          || Arrays.stream(InetAddress.getAllByName(host)).anyMatch(OutboundAddresses::refused)) {
        throw new IntuneException(null, who + " is at an address the server does not connect to");
      }
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (UnknownHostException e) {
      throw new IntuneException(null, who + " could not be reached: unknown host " + host);
    } catch (HttpTimeoutException e) {
      throw new IntuneException(
          null,
          who
              + " could not be reached: no answer within "
              + request.timeout().orElseThrow().toMillis()
              + " ms");
    } catch (IOException e) {
      throw new IntuneException(
          null, who + " could not be reached (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IntuneException(null, who + " could not be reached: interrupted");
    }
  }

  static JsonObject json(HttpResponse<String> answer, String who) {
    if (answer.statusCode() / 100 != 2) {
      throw new IntuneException(null, who + " answered HTTP " + answer.statusCode());
    }
    String body = answer.body();
    if (body.length() > MAX_ANSWER_CHARS) {
      throw new IntuneException(null, who + " answered with too long a body");
    }
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new IntuneException(null, who + " answered with something other than a JSON object");
    }
  }

  static URI uri(String text) {
    try {
      return URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IntuneException(null, "An Intune URL is not a URI");
    }
  }

  static String slash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
