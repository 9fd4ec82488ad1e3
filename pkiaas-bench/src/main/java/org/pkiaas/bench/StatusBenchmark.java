package org.pkiaas.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The status services under load, each beside a baseline measured in the same run:
 *
 * <ul>
 *   <li>OCSP with a nonce (a fresh P-256 signature per request) over HTTP with {@code wrk}, against
 *       the in-memory CPU of the same work with Bouncy Castle: parse the request, build the
 *       response, sign with a P-256 responder key, encode; and its floor, the same POST naming an
 *       issuer the CA is not, answered {@code unauthorized} before any lookup or signature;
 *   <li>OCSP GET answered from the cache (RFC 5019), with {@code wrk}, against the in-memory CPU of
 *       decoding the request and finding a stored answer;
 *   <li>the CRL of a CA with many revoked certificates (rows inserted straight into the database,
 *       so the run takes minutes, not hours): the first request, which builds and signs it, and the
 *       second; and the cost of revoking one more certificate there, against a CA with an empty
 *       CRL.
 * </ul>
 *
 * Both OCSP paths report as {@link Figures} do; their warm-up is counted in requests from Java
 * clients, the measurement is {@code wrk}'s. With {@code bench.jfr.dir} set, the server's Flight
 * Recorder profile of each OCSP measurement is written there: {@code ocsp-post.jfr}, {@code
 * ocsp-floor.jfr}, {@code ocsp-get.jfr}.
 *
 * <p>Usage: {@code StatusBenchmark BASE_URL ADMIN_USER ADMIN_PASSWORD SECONDS WORK_DIR DB_URL
 * DB_USER DB_PASSWORD REVOKED}; prints a Markdown section.
 *
 * <p>Longer than 300 lines because it is one benchmark program, not application code: the three
 * measurements share the server, the baseline and the report's formatting, and it runs only from
 * {@code bin/pkiaas-bench}.
 */
public final class StatusBenchmark {

  private static final Pattern SERIAL = Pattern.compile("\"serialNumber\"\\s*:\\s*\"([^\"]+)\"");

  private final BenchApi api;
  private final int seconds;
  private final Path work;
  private final StringBuilder report = new StringBuilder();

  private StatusBenchmark(BenchApi api, int seconds, Path work) {
    this.api = api;
    this.seconds = seconds;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    StatusBenchmark benchmark =
        new StatusBenchmark(
            new BenchApi(args[0], args[1], args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
    Files.createDirectories(benchmark.work);
    benchmark.ocsp();
    int revoked = Integer.parseInt(args[8]);
    if (revoked > 0) { // 0: OCSP only, a run of minutes rather than a quarter of an hour
      benchmark.crl(args[5], args[6], args[7], revoked);
    }
    System.out.println(benchmark.report);
  }

  private void ocsp() throws Exception {
    String caId = api.createCa("OCSP Bench " + Instant.now());
    X509CertificateHolder ca = certificate(api.get("/api/v1/cas/" + caId));
    String templateId = BenchApi.id(api.get("/api/v1/cas/" + caId + "/templates"));
    BigInteger serial =
        new BigInteger(
            BenchApi.field(api.issue(templateId, BenchApi.csr("ocsp.bench.test")), SERIAL), 16);
    byte[] withNonce = request(ca, serial, true);
    byte[] withoutNonce = request(ca, serial, false);
    String ocspUrl = api.base + "/pki/ocsp/" + caId;
    String getUrl =
        ocspUrl
            + "/"
            + URLEncoder.encode(
                Base64.getEncoder().encodeToString(withoutNonce), StandardCharsets.US_ASCII);

    ProcessCpu[] processes = ProcessCpu.fromProperties("server", "database");
    ServerJit jit = ServerJit.fromProperties();
    Figures figures = Figures.start(work);
    java.net.http.HttpRequest getRequest =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(getUrl)).GET().build();
    InMemory.Cost responseInMemory = InMemory.cpuPerOperation(responderWork(withNonce), 20_000);
    Figures.Row post =
        Wrk.measure(
            "OCSP POST with a nonce, a fresh P-256 signature each (`wrk -t2 -c16`)",
            Wrk.Target.post(
                ocspUrl, withNonce, "application/ocsp-request", work, "post", "ocsp-post"),
            seconds,
            responseInMemory,
            processes,
            jit,
            "server ÷ in-memory ≤ 1.5");
    figures.add(post);
    Figures.Row floor =
        floor(ocspUrl, request(foreignIssuer(), serial, true), responseInMemory, processes, jit);
    figures.add(floor);
    figures.note(
        Figures.floorNote(
            post,
            floor,
            1.5,
            "response",
            "HTTP, servlet, size filter, request decoding, responder lookup, issuer check, an"
                + " unsigned unauthorized encoded"));
    figures.add(
        Wrk.measure(
            "OCSP GET without a nonce, cached (RFC 5019, `wrk -t2 -c32`)",
            new Wrk.Target(getUrl, null, 32, getRequest, "ocsp-get"),
            seconds,
            InMemory.cpuPerOperation(cachedWork(getUrl, withoutNonce), 50_000),
            processes,
            jit,
            "≥ 20,000/s"));
    report.append("### OCSP\n\n").append(figures.report()).append("\n");
  }

  /**
   * The floor under every POST: the same request, nonce included, through the same servlet, size
   * filter, decoding and (cached) responder lookup, but with a CertID naming an issuer this CA is
   * not, so the responder answers {@code unauthorized} (an unsigned OCSPResponse, HTTP 200) before
   * any status lookup or signature. Its ratio is to the signed response's in-memory cost.
   */
  private Figures.Row floor(
      String ocspUrl,
      byte[] refused,
      InMemory.Cost responseInMemory,
      ProcessCpu[] processes,
      ServerJit jit)
      throws Exception {
    return Wrk.measure(
        "floor: the same POST naming another issuer, answered unauthorized unsigned"
            + " (`wrk -t2 -c16`)",
        Wrk.Target.post(
            ocspUrl, refused, "application/ocsp-request", work, "post-unauthorized", "ocsp-floor"),
        seconds,
        responseInMemory,
        processes,
        jit,
        "what any OCSP POST costs");
  }

  /**
   * A CA certificate the server does not know: a CertID made from it has the same size as the real
   * one, with other issuer name and key hashes.
   */
  private static X509CertificateHolder foreignIssuer() throws Exception {
    X500Name name = new X500Name("CN=Not This CA");
    return certificate(name, name, BenchApi.p256());
  }

  private void crl(String dbUrl, String dbUser, String dbPassword, int revoked) throws Exception {
    String bigCa = api.createCa("CRL Bench " + Instant.now());
    String emptyCa = api.createCa("Empty CRL Bench " + Instant.now());
    List<String> bigCertificates = issue(bigCa, 20);
    List<String> emptyCertificates = issue(emptyCa, 20);
    api.getBytes("/pki/crl/" + emptyCa + ".crl");

    long insertStart = System.nanoTime();
    insertRevoked(dbUrl, dbUser, dbPassword, bigCa, revoked);
    Duration inserted = Duration.ofNanos(System.nanoTime() - insertStart);

    long t0 = System.nanoTime();
    byte[] crl = api.getBytes("/pki/crl/" + bigCa + ".crl");
    Duration first = Duration.ofNanos(System.nanoTime() - t0);
    long t1 = System.nanoTime();
    api.getBytes("/pki/crl/" + bigCa + ".crl");
    Duration second = Duration.ofNanos(System.nanoTime() - t1);

    // revocations alternate between the two CAs, so the machine's load affects both alike
    List<Long> bigNanos = new ArrayList<>();
    List<Long> emptyNanos = new ArrayList<>();
    for (int i = 0; i < bigCertificates.size(); i++) {
      bigNanos.add(timedRevoke(bigCertificates.get(i)));
      emptyNanos.add(timedRevoke(emptyCertificates.get(i)));
    }
    report
        .append("### CRL of a CA with ")
        .append(String.format(Locale.ROOT, "%,d", revoked))
        .append(" revoked certificates\n\n")
        .append("| measurement | value |\n|---|---:|\n")
        .append("| rows inserted straight into MariaDB (setup) | ")
        .append(seconds(inserted))
        .append(" |\n")
        .append("| first request: read, build, sign, store and send the CRL | ")
        .append(seconds(first))
        .append(" |\n")
        .append("| second request (stored CRL, unchanged) | ")
        .append(seconds(second))
        .append(" |\n")
        .append("| CRL size | ")
        .append(String.format(Locale.ROOT, "%,d bytes", crl.length))
        .append(" |\n")
        .append("| revoking one more certificate, this CA (median of ")
        .append(bigNanos.size())
        .append(") | ")
        .append(millis(median(bigNanos)))
        .append(" |\n")
        .append("| revoking one more certificate, CA with an empty CRL (median of ")
        .append(emptyNanos.size())
        .append(") | ")
        .append(millis(median(emptyNanos)))
        .append(" |\n\n");
  }

  private List<String> issue(String caId, int count) throws Exception {
    String templateId = BenchApi.id(api.get("/api/v1/cas/" + caId + "/templates"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(BenchApi.id(api.issue(templateId, BenchApi.csr("crl" + i + ".bench.test"))));
    }
    return ids;
  }

  private long timedRevoke(String certificateId) throws Exception {
    long start = System.nanoTime();
    api.post("/api/v1/certificates/" + certificateId + "/revoke", "{\"reason\":\"superseded\"}");
    return System.nanoTime() - start;
  }

  /**
   * Revoked certificates as rows only: the CRL reads serial, dates and reason, never the
   * certificate, so each row carries a placeholder DER. Then the CA's CRL is marked stale, as a
   * revocation would.
   */
  private static void insertRevoked(
      String url, String user, String password, String caId, int count) throws Exception {
    SecureRandom random = new SecureRandom();
    Timestamp now = Timestamp.from(Instant.now());
    Timestamp later = Timestamp.from(Instant.now().plus(Duration.ofDays(365)));
    String[] reasons = {
      "KEY_COMPROMISE", "SUPERSEDED", "CESSATION_OF_OPERATION", "AFFILIATION_CHANGED", "UNSPECIFIED"
    };
    int rowsPerStatement = 1000;
    String values =
        String.join(
            ", ",
            java.util.Collections.nCopies(
                rowsPerStatement,
                "(?, ?, ?, 'CN=bulk', ?, ?, X'00', 'REVOKED', 'END_ENTITY', ?, ?, ?, ?)"));
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      connection.setAutoCommit(false);
      // multi-row INSERTs, a thousand rows each: the fastest way in without a bulk loader
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO issued_certificate (id, ca_id, serial_number,"
                  + " subject_dn, not_before, not_after, der, status, purpose, revoked_at, revocation_reason, status_changed_at,"
                  + " created_at) VALUES "
                  + values)) {
        for (int done = 0; done < count; done += rowsPerStatement) {
          for (int row = 0; row < rowsPerStatement; row++) {
            BigInteger serial;
            do {
              serial = new BigInteger(127, random);
            } while (serial.bitLength() < 64);
            int p = row * 9;
            insert.setString(p + 1, UUID.randomUUID().toString());
            insert.setString(p + 2, caId);
            insert.setString(p + 3, serial.toString(16));
            insert.setTimestamp(p + 4, now);
            insert.setTimestamp(p + 5, later);
            insert.setTimestamp(p + 6, now);
            insert.setString(p + 7, reasons[(done + row) % reasons.length]);
            insert.setTimestamp(p + 8, now);
            insert.setTimestamp(p + 9, now);
          }
          insert.executeUpdate();
          connection.commit();
        }
      }
      try (PreparedStatement stale =
          connection.prepareStatement(
              "UPDATE crl_state SET revision = revision + 1 WHERE ca_id = ?")) {
        stale.setString(1, caId);
        stale.executeUpdate();
      }
      connection.commit();
    }
  }

  /** The responder's work without a server: what each POST with a nonce must at least cost. */
  private static InMemory.Work responderWork(byte[] requestDer) throws Exception {
    KeyPair responderKey = BenchApi.p256();
    X509CertificateHolder responder =
        certificate(new X500Name("CN=Bench CA"), new X500Name("CN=Bench Responder"), responderKey);
    RespID id = new RespID(responder.getSubject());
    return () -> {
      OCSPReq request = new OCSPReq(requestDer);
      BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(id);
      Date now = new Date();
      for (Req one : request.getRequestList()) {
        builder.addResponse(
            one.getCertID(),
            CertificateStatus.GOOD,
            now,
            new Date(now.getTime() + 86_400_000L),
            null);
      }
      builder.setResponseExtensions(
          new Extensions(request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)));
      BasicOCSPResp basic =
          builder.build(
              new JcaContentSignerBuilder("SHA256withECDSA")
                  .setProvider(BenchApi.BC)
                  .build(responderKey.getPrivate()),
              new X509CertificateHolder[] {responder},
              now);
      new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    };
  }

  /**
   * A cached GET's work without a server: decode the request from the URL, parse it, find the
   * stored answer by its certificate id.
   */
  private static InMemory.Work cachedWork(String getUrl, byte[] requestDer) throws Exception {
    String encoded = getUrl.substring(getUrl.lastIndexOf('/') + 1);
    java.util.Map<CertificateID, byte[]> cache = new java.util.concurrent.ConcurrentHashMap<>();
    cache.put(new OCSPReq(requestDer).getRequestList()[0].getCertID(), new byte[480]);
    return () -> {
      byte[] der =
          Base64.getDecoder()
              .decode(java.net.URLDecoder.decode(encoded, StandardCharsets.US_ASCII));
      if (cache.get(new OCSPReq(der).getRequestList()[0].getCertID()) == null) {
        throw new IllegalStateException("not cached");
      }
    };
  }

  private static byte[] request(X509CertificateHolder ca, BigInteger serial, boolean nonce)
      throws Exception {
    OCSPReqBuilder builder = new OCSPReqBuilder();
    builder.addRequest(
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder()
                .setProvider(BenchApi.BC)
                .build()
                .get(CertificateID.HASH_SHA1),
            ca,
            serial));
    if (nonce) {
      byte[] value = new byte[16];
      new SecureRandom().nextBytes(value);
      builder.setRequestExtensions(
          new Extensions(
              new Extension(
                  OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                  false,
                  new DEROctetString(value).getEncoded())));
    }
    return builder.build().getEncoded();
  }

  /** A one-day certificate for {@code key}, signed with it. */
  private static X509CertificateHolder certificate(
      X500Name issuerName, X500Name subjectName, KeyPair key) throws Exception {
    return new X509v3CertificateBuilder(
            issuerName,
            BigInteger.TEN,
            new Date(),
            new Date(System.currentTimeMillis() + 86_400_000L),
            subjectName,
            SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()))
        .build(
            new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(BenchApi.BC)
                .build(key.getPrivate()));
  }

  private static X509CertificateHolder certificate(String caJson) throws IOException {
    return BenchApi.caCertificate(caJson);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    java.util.Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
