package org.pkiaas.bench;

import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The REST API as the benchmarks call it: JSON in, the body out, any status from 300 up an error.
 */
final class BenchApi {

  static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern CERTIFICATE_PEM =
      Pattern.compile("\"certificatePem\"\\s*:\\s*\"([^\"]+)\"");

  final String base;
  private final String authorization;

  /**
   * HTTP/2 (cleartext, the JDK client's default): the clients' requests share one connection. With
   * {@code -Dbench.http=1.1} (PKIAAS_BENCH_HTTP), HTTP/1.1: the JDK client's pool keeps a
   * connection alive per busy client.
   */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(
              "1.1".equals(System.getProperty("bench.http"))
                  ? HttpClient.Version.HTTP_1_1
                  : HttpClient.Version.HTTP_2)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  BenchApi(String base, String user, String password) {
    this.base = base;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  String get(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", authorization)
            .GET());
  }

  byte[] getBytes(String path) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " for " + path);
    }
    return response.body();
  }

  String post(String path, String json) throws Exception {
    return send(posting(path, json));
  }

  /** Posts {@code json} and requires the answer {@code status}, a refusal; returns its body. */
  String postRefused(String path, String json, int status) throws Exception {
    HttpResponse<String> response = answer(posting(path, json));
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.statusCode() + " where " + status + " was expected: " + response.body());
    }
    return response.body();
  }

  String put(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The certificate of a CA as {@code GET /api/v1/cas/{id}} answers it. */
  static org.bouncycastle.cert.X509CertificateHolder caCertificate(String caJson)
      throws java.io.IOException {
    String pem = field(caJson, CERTIFICATE_PEM).replace("\\n", "\n");
    try (org.bouncycastle.openssl.PEMParser parser =
        new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(pem))) {
      return (org.bouncycastle.cert.X509CertificateHolder) parser.readObject();
    }
  }

  private HttpRequest.Builder posting(String path, String json) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpResponse<String> answer(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = answer(request);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /** A P-256 CA of its own; returns its id. */
  String createCa(String name) throws Exception {
    return id(
        post(
            "/api/v1/cas",
            "{\"name\":\""
                + name
                + "\",\"subject\":{\"commonName\":\""
                + name
                + "\"},"
                + "\"keyType\":\"EC\",\"curve\":\"P-256\"}"));
  }

  /**
   * Issues a certificate with the CA's first template: submit, then sign; returns the certificate's
   * JSON.
   */
  String issue(String templateId, String csrPem) throws Exception {
    String request =
        id(
            post(
                "/api/v1/templates/" + templateId + "/requests",
                "{\"csr\":\"" + csrPem.replace("\n", "\\n") + "\"}"));
    return post("/api/v1/requests/" + request + "/sign", "{}");
  }

  static String id(String json) {
    return field(json, ID);
  }

  static String field(String json, Pattern pattern) {
    Matcher matcher = pattern.matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("Not found in " + json);
    }
    return matcher.group(1);
  }

  static KeyPair p256() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  static String csr(String commonName) throws Exception {
    KeyPair keys = p256();
    var csr =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName), keys.getPublic())
            .build(
                new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(BC)
                    .build(keys.getPrivate()));
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(csr);
    }
    return pem.toString();
  }
}
