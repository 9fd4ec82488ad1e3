package org.pkiaas.bench;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;

/**
 * RFC 3161 time stamps under load: a P-256 CA's time-stamp authority over HTTP with {@code wrk}
 * (one request as {@code signtool /tr} sends it: SHA-256 imprint, a nonce, certReq), against the
 * in-memory CPU of the same work with Bouncy Castle: parse the request, build and sign the token
 * with a P-256 key (ESS signingCertificateV2, accuracy, the unit's certificate), encode the
 * response. Whether the server records each token is the server's setting ({@code
 * pkiaas.tsa.record-tokens}); the label says which it was.
 *
 * <p>Usage: {@code TsaBenchmark BASE_URL ADMIN_USER ADMIN_PASSWORD SECONDS WORK_DIR LABEL}; prints
 * a Markdown section.
 */
public final class TsaBenchmark {

  private static final String QUERY = "application/timestamp-query";

  private TsaBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchApi api = new BenchApi(args[0], args[1], args[2]);
    int seconds = Integer.parseInt(args[3]);
    Path work = Path.of(args[4]);
    String label = args[5];
    Files.createDirectories(work);
    String caId = api.createCa("TSA Bench " + Instant.now());
    byte[] query = query();
    String url = api.base + "/pki/tsa/" + caId;
    requireGranted(api, url, query);

    ProcessCpu[] processes = ProcessCpu.fromProperties("server", "database");
    ServerJit jit = ServerJit.fromProperties();
    Figures figures = Figures.start(work);
    InMemory.Cost inMemory = InMemory.cpuPerOperation(tokenWork(query), 20_000);
    Figures.Row tokens =
        Wrk.measure(
            "RFC 3161 token, P-256, SHA-256 imprint, nonce, certReq; "
                + label
                + " (`wrk -t2 -c16`)",
            Wrk.Target.post(url, query, QUERY, work, "tsa", "tsa-" + recording(label)),
            seconds,
            inMemory,
            processes,
            jit,
            "server ÷ in-memory ≤ 1.5");
    figures.add(tokens);
    Figures.Row floor = floor(url, work, seconds, inMemory, processes, jit);
    figures.add(floor);
    figures.note(
        Figures.floorNote(
            tokens,
            floor,
            1.5,
            "token",
            "HTTP, servlet, rate limit, unit lookup, decoding, a rejection encoded"));
    System.out.println("### Time stamps, " + label + "\n\n" + figures.report());
  }

  /**
   * The floor under every token: the same request with a SHA-1 imprint, through the same servlet,
   * rate limit, unit lookup and request decoding, refused ({@code badAlg}, a TimeStampResp with
   * status rejection, HTTP 200) before any token is built, signed or recorded. Its ratio is to the
   * token's in-memory cost, so it shows how much of the goal the HTTP path alone takes.
   */
  private static Figures.Row floor(
      String url,
      Path work,
      int seconds,
      InMemory.Cost inMemory,
      ProcessCpu[] processes,
      ServerJit jit)
      throws Exception {
    byte[] refused =
        new TimeStampRequestGenerator()
            .generate(
                OIWObjectIdentifiers.idSHA1,
                MessageDigest.getInstance("SHA-1").digest(new byte[] {1}),
                new BigInteger(64, new SecureRandom()))
            .getEncoded();
    return Wrk.measure(
        "floor: the same request with a SHA-1 imprint, refused (badAlg) before any token"
            + " (`wrk -t2 -c16`)",
        Wrk.Target.post(url, refused, QUERY, work, "tsa-refused", "tsa-floor"),
        seconds,
        inMemory,
        processes,
        jit,
        "what any time-stamp request costs");
  }

  /** The label as a file name: "tsa-not-recorded", "tsa-recorded". */
  private static String recording(String label) {
    return label.startsWith("tokens not recorded") ? "not-recorded" : "recorded";
  }

  /** A TimeStampReq as signtool /tr sends one: a SHA-256 imprint, a nonce, certReq. */
  private static byte[] query() throws Exception {
    byte[] data = new byte[1024];
    new SecureRandom().nextBytes(data);
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    return generator
        .generate(
            NISTObjectIdentifiers.id_sha256,
            MessageDigest.getInstance("SHA-256").digest(data),
            new BigInteger(64, new SecureRandom()))
        .getEncoded();
  }

  private static void requireGranted(BenchApi api, String url, byte[] query) throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", QUERY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(query))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    TimeStampResponse reply = new TimeStampResponse(response.body());
    if (response.statusCode() != 200 || reply.getStatus() != PKIStatus.GRANTED) {
      throw new IllegalStateException(
          "The TSA did not grant: HTTP " + response.statusCode() + " " + reply.getStatusString());
    }
  }

  /**
   * The server's work without the server: decode the request, build the token a P-256 unit signs
   * (its certificate and the CA's in it, as certReq asks), encode the granted response. The token
   * generator (signer, ESS attribute, certificates) is made once, as the server makes one per
   * request thread and unit ({@code TokenGenerators}).
   */
  private static InMemory.Work tokenWork(byte[] query) throws Exception {
    KeyPair caKey = BenchApi.p256();
    KeyPair unitKey = BenchApi.p256();
    X509CertificateHolder ca = certificate("CN=Bench CA", caKey, caKey, null);
    X509CertificateHolder unit = certificate("CN=Bench TSA", unitKey, caKey, ca);
    ASN1ObjectIdentifier policy = new ASN1ObjectIdentifier("2.25.1.1");
    SecureRandom random = new SecureRandom();
    DigestCalculatorProvider digests =
        new JcaDigestCalculatorProviderBuilder().setProvider(BenchApi.BC).build();
    TimeStampTokenGenerator generator =
        new TimeStampTokenGenerator(
            new JcaSignerInfoGeneratorBuilder(digests)
                .build(
                    new JcaContentSignerBuilder("SHA256withECDSA")
                        .setProvider(BenchApi.BC)
                        .setSecureRandom(random)
                        .build(unitKey.getPrivate()),
                    unit),
            digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
            policy);
    generator.setAccuracySeconds(1);
    generator.addCertificates(new CollectionStore<>(List.of(unit, ca)));
    return () -> {
      TimeStampRequest request = new TimeStampRequest(query);
      TimeStampToken token = generator.generate(request, new BigInteger(64, random), new Date());
      new TimeStampResp(
              new PKIStatusInfo(PKIStatus.granted), token.toCMSSignedData().toASN1Structure())
          .getEncoded(ASN1Encoding.DER);
    };
  }

  private static X509CertificateHolder certificate(
      String subject, KeyPair subjectKey, KeyPair issuerKey, X509CertificateHolder issuer)
      throws Exception {
    Date now = new Date();
    X500Name name = new X500Name(subject);
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer == null ? name : issuer.getSubject(),
            new BigInteger(64, new SecureRandom()),
            now,
            new Date(now.getTime() + 86_400_000L),
            name,
            subjectKey.getPublic());
    if (issuer != null) {
      builder
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(
              Extension.extendedKeyUsage,
              true,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    }
    return builder.build(
        new JcaContentSignerBuilder("SHA256withECDSA")
            .setProvider(BenchApi.BC)
            .build(issuerKey.getPrivate()));
  }
}
