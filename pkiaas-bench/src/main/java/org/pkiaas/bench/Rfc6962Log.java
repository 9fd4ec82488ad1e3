package org.pkiaas.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A small Certificate Transparency log written from RFC 6962 for the tests, running in the test
 * JVM: {@code add-chain} and {@code add-pre-chain} (§4.1, §4.2) checked and answered with an SCT
 * signed by a fresh ECDSA P-256 key (§3.2), {@code get-roots} (§4.7) and {@code get-sth} (§4.3)
 * over a Merkle tree of the entries (§2.1, §3.4). A switch makes it answer 400, 500, too late, or
 * with an SCT whose signature is wrong.
 *
 * <p>It shares no code with the product: what it signs is built here from the RFC's text. The
 * integration tests use it, and the issuance benchmark's CT mode.
 *
 * <p>Over 300 lines: a whole log in one file (four routes, chain checks, the signed structures and
 * the Merkle tree), so that it reads next to the RFC and owes nothing to the product's CT code.
 */
public final class Rfc6962Log implements AutoCloseable {

  /** How the log behaves for the next submissions. */
  public enum Mode {
    HONEST,
    BAD_REQUEST,
    SERVER_ERROR,
    TOO_SLOW,
    /**
     * Answers honestly once {@link #release()} is called (or after a minute): a submission held
     * while the test looks at the server.
     */
    HELD,
    BAD_SIGNATURE
  }

  public static final ASN1ObjectIdentifier POISON =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.3");

  private final HttpServer server;
  private final KeyPair key;
  private final byte[] logId;
  private final List<X509CertificateHolder> roots = new ArrayList<>();
  private final List<byte[]> leaves = new ArrayList<>();
  private final Map<String, JsonObject> answered = new LinkedHashMap<>();
  private final List<List<byte[]>> submissions = new ArrayList<>();
  private volatile Mode mode = Mode.HONEST;
  private final java.util.concurrent.atomic.AtomicInteger arrivals =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile java.util.concurrent.CountDownLatch hold =
      new java.util.concurrent.CountDownLatch(1);

  /**
   * @param port 0 for any free port
   */
  public Rfc6962Log(int port, X509CertificateHolder... acceptedRoots) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      key = generator.generateKeyPair();
      logId = MessageDigest.getInstance("SHA-256").digest(key.getPublic().getEncoded());
      roots.addAll(List.of(acceptedRoots));
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/ct/v1/add-chain", e -> add(e, false));
    server.createContext("/ct/v1/add-pre-chain", e -> add(e, true));
    server.createContext("/ct/v1/get-roots", this::getRoots);
    server.createContext("/ct/v1/get-sth", this::getSth);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Base64 of the log's DER SubjectPublicKeyInfo, as log lists publish it. */
  public String publicKey() {
    return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
  }

  /** This log as a template lists it: its URL and key. */
  public JsonObject asTemplateLog() {
    return Json.createObjectBuilder().add("url", url()).add("publicKey", publicKey()).build();
  }

  public void accept(X509CertificateHolder root) {
    synchronized (roots) {
      if (!roots.contains(root)) {
        roots.add(root);
      }
    }
  }

  public void mode(Mode mode) {
    if (mode == Mode.HELD) {
      hold = new java.util.concurrent.CountDownLatch(1);
    }
    this.mode = mode;
  }

  /** Lets the submissions a {@link Mode#HELD} log holds be answered. */
  public void release() {
    hold.countDown();
  }

  public synchronized List<List<byte[]>> submissions() {
    return List.copyOf(submissions);
  }

  /** How many submissions have reached the log, answered or not yet. */
  public int arrivals() {
    return arrivals.get();
  }

  public synchronized int treeSize() {
    return leaves.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void add(HttpExchange exchange, boolean precert) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "{\"error\":\"POST only\"}");
        return;
      }
      Mode now = mode;
      arrivals.incrementAndGet();
      if (now == Mode.TOO_SLOW) {
        sleep(15_000);
      }
      if (now == Mode.HELD) {
        try {
          hold.await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (now == Mode.BAD_REQUEST) {
        send(exchange, 400, "{\"error\":\"switched to refuse\"}");
        return;
      }
      if (now == Mode.SERVER_ERROR) {
        send(exchange, 500, "{\"error\":\"switched to fail\"}");
        return;
      }
      List<byte[]> chain = new ArrayList<>();
      try {
        JsonObject body =
            Json.createReader(
                    new StringReader(
                        new String(
                            exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))
                .readObject();
        body.getJsonArray("chain")
            .getValuesAs(jakarta.json.JsonString.class)
            .forEach(s -> chain.add(Base64.getDecoder().decode(s.getString())));
      } catch (RuntimeException e) {
        send(exchange, 400, "{\"error\":\"not a chain\"}");
        return;
      }
      String problem = checkChain(chain, precert);
      if (problem != null) {
        send(exchange, 400, Json.createObjectBuilder().add("error", problem).build().toString());
        return;
      }
      synchronized (this) {
        submissions.add(chain);
      }
      send(exchange, 200, sct(chain, precert, now == Mode.BAD_SIGNATURE).toString());
    }
  }

  /** §4.1/§4.2: a leaf issued by the next certificate, up to a root this log accepts. */
  private String checkChain(List<byte[]> chain, boolean precert) {
    try {
      if (chain.size() < 2) {
        return "the chain needs at least the leaf and its issuer";
      }
      List<X509CertificateHolder> certificates = new ArrayList<>();
      for (byte[] der : chain) {
        certificates.add(new X509CertificateHolder(der));
      }
      Extension poison = certificates.get(0).getExtension(POISON);
      if (precert != (poison != null)) {
        return precert ? "no poison extension" : "a precertificate belongs in add-pre-chain";
      }
      if (poison != null
          && (!poison.isCritical()
              || !DERNull.INSTANCE.equals(poison.getParsedValue().toASN1Primitive()))) {
        return "the poison is critical and NULL";
      }
      for (int i = 0; i + 1 < certificates.size(); i++) {
        if (!signedBy(certificates.get(i), certificates.get(i + 1))) {
          return "certificate " + i + " is not signed by the next one";
        }
      }
      X509CertificateHolder top = certificates.get(certificates.size() - 1);
      boolean rooted;
      synchronized (roots) {
        rooted = roots.stream().anyMatch(r -> r.equals(top) || signedBy(top, r));
      }
      return rooted ? null : "the chain does not end in an accepted root";
    } catch (IOException | RuntimeException e) {
      return "cannot parse the chain: " + e.getMessage();
    }
  }

  private synchronized JsonObject sct(List<byte[]> chain, boolean precert, boolean corrupt)
      throws IOException {
    String dedupKey = Base64.getEncoder().encodeToString(chain.get(0));
    if (answered.containsKey(dedupKey) && !corrupt) {
      return answered.get(dedupKey); // §4.1: the same SCT for the same entry
    }
    long timestamp = System.currentTimeMillis();
    byte[] entry = precert ? precertEntry(chain) : x509Entry(chain.get(0));
    // §3.2: version, signature_type certificate_timestamp, timestamp, entry, extensions
    Bytes signed = new Bytes().u(0, 1).u(0, 1).u(timestamp, 8).raw(entry).u(0, 2);
    byte[] signature = sign(corrupt ? new Bytes().raw(signed.get()).u(1, 1).get() : signed.get());
    // §3.4 MerkleTreeLeaf: version, leaf_type timestamped_entry, TimestampedEntry
    leaves.add(new Bytes().u(0, 1).u(0, 1).u(timestamp, 8).raw(entry).u(0, 2).get());
    JsonObject sct =
        Json.createObjectBuilder()
            .add("sct_version", 0)
            .add("id", Base64.getEncoder().encodeToString(logId))
            .add("timestamp", timestamp)
            .add("extensions", "")
            .add("signature", Base64.getEncoder().encodeToString(digitallySigned(signature)))
            .build();
    if (!corrupt) {
      answered.put(dedupKey, sct);
    }
    return sct;
  }

  private static byte[] x509Entry(byte[] certificate) {
    return new Bytes().u(0, 2).u(certificate.length, 3).raw(certificate).get();
  }

  /** PreCert: SHA-256 of the issuer's key, then the TBSCertificate with the poison taken out. */
  private static byte[] precertEntry(List<byte[]> chain) throws IOException {
    X509CertificateHolder precert = new X509CertificateHolder(chain.get(0));
    X509CertificateHolder issuer = new X509CertificateHolder(chain.get(1));
    byte[] issuerKeyHash = sha256(issuer.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER));
    byte[] tbsDer = tbsWithout(precert, POISON);
    return new Bytes().u(1, 2).raw(issuerKeyHash).u(tbsDer.length, 3).raw(tbsDer).get();
  }

  /** The DER TBSCertificate of {@code certificate} without the extension {@code oid}. */
  public static byte[] tbsWithout(X509CertificateHolder certificate, ASN1ObjectIdentifier oid)
      throws IOException {
    ASN1EncodableVector tbs = new ASN1EncodableVector();
    for (ASN1Encodable field :
        ASN1Sequence.getInstance(certificate.toASN1Structure().getTBSCertificate())) {
      if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
        ASN1EncodableVector extensions = new ASN1EncodableVector();
        for (ASN1Encodable e : ASN1Sequence.getInstance(tagged.getExplicitBaseObject())) {
          if (!oid.equals(Extension.getInstance(e).getExtnId())) {
            extensions.add(e);
          }
        }
        tbs.add(new DERTaggedObject(true, 3, new DERSequence(extensions)));
      } else {
        tbs.add(field);
      }
    }
    return new DERSequence(tbs).getEncoded(ASN1Encoding.DER);
  }

  private void getRoots(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonArrayBuilder certificates = Json.createArrayBuilder();
      for (X509CertificateHolder root : List.copyOf(roots)) {
        certificates.add(Base64.getEncoder().encodeToString(root.getEncoded()));
      }
      send(
          exchange,
          200,
          Json.createObjectBuilder().add("certificates", certificates).build().toString());
    }
  }

  private void getSth(HttpExchange exchange) throws IOException {
    try (exchange) {
      long timestamp = System.currentTimeMillis();
      int size;
      byte[] root;
      synchronized (this) {
        size = leaves.size();
        root = merkleTreeHash(leaves);
      }
      // §3.5 TreeHeadSignature: version, signature_type tree_hash, timestamp, tree_size, root
      byte[] signed = new Bytes().u(0, 1).u(1, 1).u(timestamp, 8).u(size, 8).raw(root).get();
      send(
          exchange,
          200,
          Json.createObjectBuilder()
              .add("tree_size", size)
              .add("timestamp", timestamp)
              .add("sha256_root_hash", Base64.getEncoder().encodeToString(root))
              .add(
                  "tree_head_signature",
                  Base64.getEncoder().encodeToString(digitallySigned(sign(signed))))
              .build()
              .toString());
    }
  }

  /** §2.1: MTH({}) = SHA-256(), leaves hashed with 0x00, nodes with 0x01, split at 2^k < n. */
  static byte[] merkleTreeHash(List<byte[]> entries) {
    if (entries.isEmpty()) {
      return sha256(new byte[0]);
    }
    if (entries.size() == 1) {
      return sha256(new Bytes().u(0, 1).raw(entries.get(0)).get());
    }
    int k = Integer.highestOneBit(entries.size() - 1);
    return sha256(
        new Bytes()
            .u(1, 1)
            .raw(merkleTreeHash(entries.subList(0, k)))
            .raw(merkleTreeHash(entries.subList(k, entries.size())))
            .get());
  }

  private static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
    try {
      return certificate.isSignatureValid(
          new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
              .setProvider(BenchApi.BC)
              .build(issuer));
    } catch (Exception e) {
      return false;
    }
  }

  private byte[] sign(byte[] data) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(key.getPrivate());
      signer.update(data);
      return signer.sign();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RFC 5246 §4.7: hash sha256(4), signature ecdsa(3), two-byte length, the DER signature. */
  private static byte[] digitallySigned(byte[] signature) {
    return new Bytes().u(4, 1).u(3, 1).u(signature.length, 2).raw(signature).get();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Big-endian TLS integers and raw bytes. */
  private static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes u(long value, int length) {
      for (int i = length - 1; i >= 0; i--) {
        out.write((int) (value >> (8 * i)) & 0xff);
      }
      return this;
    }

    Bytes raw(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    byte[] get() {
      return out.toByteArray();
    }
  }
}
