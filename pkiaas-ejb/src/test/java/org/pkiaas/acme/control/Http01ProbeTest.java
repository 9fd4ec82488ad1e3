package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * http-01 against web servers on the loopback address (the JDK's HTTP and HTTPS servers): the
 * answer, redirects as RFC 8555 §8.3 allows them, and the redirects that are refused.
 */
class Http01ProbeTest {

  private static final String TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";
  private static final String KEY_AUTHORIZATION =
      TOKEN + ".9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI";
  private static final String CHALLENGE = "/.well-known/acme-challenge/" + TOKEN;

  /** Path → what the servers answer there: "200 body" or "302 location". */
  private static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();

  private static final Map<String, String> HOSTS = new ConcurrentHashMap<>();

  /** Paths whose answer comes only after three seconds. */
  private static final java.util.Set<String> SLOW = ConcurrentHashMap.newKeySet();

  private static HttpServer http;
  private static HttpsServer https;

  @BeforeAll
  static void servers() throws Exception {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    http = HttpServer.create(loopback, 0);
    http.createContext("/", exchange -> answer(exchange, "http"));
    http.start();
    https = HttpsServer.create(loopback, 0);
    https.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
    https.createContext("/", exchange -> answer(exchange, "https"));
    https.start();
  }

  @AfterAll
  static void stop() {
    http.stop(0);
    https.stop(0);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String scheme)
      throws IOException {
    String path = exchange.getRequestURI().getPath();
    HOSTS.put(scheme + path, exchange.getRequestHeaders().getFirst("Host"));
    if (SLOW.contains(scheme + path)) {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String answer = ANSWERS.getOrDefault(scheme + path, "404 not here");
    int status = Integer.parseInt(answer.substring(0, 3));
    String rest = answer.substring(4);
    byte[] body = (status == 200 ? rest : "").getBytes(StandardCharsets.US_ASCII);
    if (status != 200 && status != 404) {
      exchange.getResponseHeaders().add("Location", rest);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static SSLContext selfSigned() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair key = generator.generateKeyPair();
    X500Name name = new X500Name("CN=central.example");
    var certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.ONE,
                        Date.from(Instant.now().minusSeconds(60)),
                        Date.from(Instant.now().plusSeconds(3600)),
                        name,
                        key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server", key.getPrivate(), "changeit".toCharArray(), new Certificate[] {certificate});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /**
   * A probe whose resolver finds every name at the loopback address, except names ending in {@code
   * .nowhere} (no address) and {@code .metadata} (a link-local one).
   */
  private static Http01Probe probe(Duration budget) {
    return new Http01Probe(
        host ->
            host.endsWith(".nowhere")
                ? List.of()
                : List.of(
                    host.endsWith(".metadata")
                        ? address("169.254.169.254")
                        : InetAddress.getLoopbackAddress()),
        http.getAddress().getPort(),
        https.getAddress().getPort(),
        Duration.ofSeconds(5),
        budget);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Http01Probe probe() {
    return probe(Duration.ofSeconds(30));
  }

  private static ChallengeChecks.Failure check() {
    return probe().check("127.0.0.1", true, TOKEN, KEY_AUTHORIZATION);
  }

  @Test
  void theKeyAuthorizationAtTheWellKnownPathPasses() {
    ANSWERS.put("http" + CHALLENGE, "200 " + KEY_AUTHORIZATION + "\n");
    assertNull(check());
    assertEquals("127.0.0.1", HOSTS.get("http" + CHALLENGE));
  }

  @Test
  void anotherAnswerOrStatusFails() {
    ANSWERS.put("http" + CHALLENGE, "200 something else");
    assertEquals("incorrectResponse", check().type());
    ANSWERS.put("http" + CHALLENGE, "404 gone");
    ChallengeChecks.Failure failure = check();
    assertEquals("incorrectResponse", failure.type());
    assertFalse(
        failure.detail().contains("404"), "the target's status is not told: " + failure.detail());
  }

  @Test
  void aHttpsRedirectToAnAbsoluteNameWithItsFinalDotEndsInAnAnswer() {
    ANSWERS.put("http" + CHALLENGE, "302 https://attacker.example./");
    ChallengeChecks.Failure failure = check();
    assertEquals("incorrectResponse", failure.type(), failure::detail);
    assertEquals("attacker.example.", HOSTS.get("https/"), "the name asked for, by Host");
  }

  @Test
  void aDomainWhoseAddressIsLinkLocalIsNotFetchedAtAll() {
    ChallengeChecks.Failure failure =
        probe().check("instance.metadata", false, TOKEN, KEY_AUTHORIZATION);
    assertEquals("connection", failure.type());
    assertTrue(failure.detail().contains("may not connect to"), failure::detail);
  }

  @Test
  void redirectsAreFollowedToAnotherPathHostAndToHttps() {
    int httpPort = http.getAddress().getPort();
    int httpsPort = https.getAddress().getPort();
    ANSWERS.put("http" + CHALLENGE, "302 /moved/" + TOKEN);
    ANSWERS.put(
        "http/moved/" + TOKEN, "301 http://central.example:" + httpPort + "/central/" + TOKEN);
    ANSWERS.put(
        "http/central/" + TOKEN, "307 https://central.example:" + httpsPort + "/secure/" + TOKEN);
    ANSWERS.put("https/secure/" + TOKEN, "200 " + KEY_AUTHORIZATION);
    assertNull(check());
    assertEquals(
        "central.example:" + httpPort,
        HOSTS.get("http/central/" + TOKEN),
        "the redirect's host, with its port");
    assertEquals("central.example:" + httpsPort, HOSTS.get("https/secure/" + TOKEN));
  }

  @Test
  void redirectsToOtherPortsAndSchemesAreRefused() {
    ANSWERS.put("http" + CHALLENGE, "302 http://central.example:8081/" + TOKEN);
    ChallengeChecks.Failure port = check();
    assertEquals("connection", port.type());
    assertTrue(port.detail().contains("only the HTTP port"), port::detail);
    ANSWERS.put("http" + CHALLENGE, "302 ftp://central.example/" + TOKEN);
    assertTrue(check().detail().contains("only http and https"));
  }

  @Test
  void aRedirectLoopEndsAfterTenRedirects() {
    ANSWERS.put("http" + CHALLENGE, "302 " + CHALLENGE);
    ChallengeChecks.Failure loop = check();
    assertEquals("connection", loop.type());
    assertTrue(loop.detail().startsWith("More than 10 redirects"), loop::detail);
  }

  @Test
  void aRedirectToANameWithoutAddressesIsADnsProblem() {
    ANSWERS.put("http" + CHALLENGE, "302 http://web.nowhere/" + TOKEN);
    ChallengeChecks.Failure failure = check();
    assertEquals("dns", failure.type());
    assertTrue(failure.detail().contains("web.nowhere"), failure::detail);
  }

  @Test
  void redirectsToOtherAddressesAndToLinkLocalNamesAreRefused() {
    ANSWERS.put(
        "http" + CHALLENGE, "302 http://10.0.0.7:" + http.getAddress().getPort() + "/" + TOKEN);
    assertTrue(
        check().detail().contains("redirects to IP addresses are not followed"),
        () -> check().detail());
    ANSWERS.put("http" + CHALLENGE, "302 http://instance.metadata/latest/" + TOKEN);
    ChallengeChecks.Failure metadata = check();
    assertEquals("connection", metadata.type());
    assertTrue(metadata.detail().contains("may not connect to"), metadata::detail);
  }

  @Test
  void aSlowServerEndsTheCheckWithinItsBudget() {
    ANSWERS.put("http" + CHALLENGE, "302 /slow/" + TOKEN);
    ANSWERS.put("http/slow/" + TOKEN, "200 " + KEY_AUTHORIZATION);
    SLOW.add("http/slow/" + TOKEN);
    long start = System.nanoTime();
    ChallengeChecks.Failure failure =
        probe(Duration.ofSeconds(1)).check("127.0.0.1", true, TOKEN, KEY_AUTHORIZATION);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("connection", failure.type());
    assertTrue(millis < 2500, "gave up after " + millis + " ms");
  }
}
