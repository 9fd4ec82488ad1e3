package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * HTTPS on the test server (issue 16): the listener on 8443 + offset serves the console and the API
 * with a certificate for localhost from the installation CA, which a client that trusts only that
 * CA accepts and one that trusts only the public CAs refuses; every HTTPS answer carries HSTS (RFC
 * 6797), plain HTTP ones do not; the session cookie is Secure over HTTPS only. The test servers'
 * public URL is plain HTTP, so nothing redirects here; DatabaseSwitchIT checks the redirect of a
 * server started by bin/pkiaas-start.
 */
class HttpsIT extends ServerIT {

  private static final String HTTPS_URL =
      "https://localhost:" + (8443 + Integer.getInteger("pkiaas.it.port-offset", 100));

  private final HttpClient trusting =
      HttpClient.newBuilder()
          .sslContext(InstallationCa.trustingOnly(InstallationCa.ofTestServers()))
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void theApiIsServedOverHttpsWithHsts() throws Exception {
    HttpResponse<String> cas = trusting.send(adminGet(HTTPS_URL + "/api/v1/cas"), ofString());
    assertEquals(200, cas.statusCode(), cas::body);
    assertEquals(
        "max-age=31536000", cas.headers().firstValue("Strict-Transport-Security").orElse(null));
    Api.Reply plain = admin.get("/api/v1/cas");
    assertEquals(200, plain.status());
    assertTrue(
        plain.headers().firstValue("Strict-Transport-Security").isEmpty(),
        "no HSTS over plain HTTP (RFC 6797 §7.2)");
  }

  @Test
  void aClientThatTrustsOnlyPublicCasRefusesTheCertificate() {
    HttpClient publicTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    assertThrows(
        SSLHandshakeException.class,
        () -> publicTrust.send(adminGet(HTTPS_URL + "/api/v1/cas"), ofString()));
  }

  @Test
  void theSessionCookieIsSecureOverHttpsOnly() throws Exception {
    HttpResponse<String> page =
        trusting.send(
            HttpRequest.newBuilder(URI.create(HTTPS_URL + "/login.xhtml")).GET().build(),
            ofString());
    assertEquals(200, page.statusCode());
    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertTrue(
        cookies.stream()
            .anyMatch(c -> c.startsWith("JSESSIONID=") && c.toLowerCase().contains("; secure")),
        cookies::toString);
    Api.Reply plain = Api.anonymous().get("/login.xhtml");
    assertTrue(
        plain.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .noneMatch(c -> c.toLowerCase().contains("; secure")),
        () -> plain.headers().allValues("Set-Cookie").toString());
  }

  private static HttpRequest adminGet(String url) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                ("admin:" + System.getProperty("pkiaas.it.admin-password", "it-admin-password-1"))
                    .getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Basic " + basic)
        .timeout(Duration.ofSeconds(60))
        .GET()
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
