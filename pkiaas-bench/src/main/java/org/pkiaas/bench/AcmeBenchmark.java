package org.pkiaas.bench;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Security;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;

/**
 * Complete ACME orders per second (RFC 8555 §7.4: new order, finalize, certificate download) for
 * names the policy pre-approves, so no challenge is involved, from N accounts at once, each driven
 * by acme4j on a thread of its own — beside the in-memory rate of the signing work every order
 * needs, measured in the same run, reported as {@link Figures} are.
 *
 * <p>Usage: {@code AcmeBenchmark BASE_URL ADMIN_USER ADMIN_PASSWORD WORK_DIR [accounts] [seconds]};
 * prints a Markdown section.
 */
public final class AcmeBenchmark {

  private static final String DOMAIN = "bench.test";
  private final BenchApi api;

  private AcmeBenchmark(String base, String user, String password) {
    this.api = new BenchApi(base, user, password);
  }

  public static void main(String[] args) throws Exception {
    // acme4j signs every request (jose4j, ES256) with the first provider that takes the key;
    // Bouncy Castle's P-256 signing costs a fraction of SunEC's, CPU the server shares here
    Security.insertProviderAt(BenchApi.BC, 1);
    AcmeBenchmark benchmark = new AcmeBenchmark(args[0], args[1], args[2]);
    Path work = Path.of(args[3]);
    int accounts = args.length > 4 ? Integer.parseInt(args[4]) : 16;
    int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
    System.out.println(benchmark.run(work, accounts, Duration.ofSeconds(seconds)));
  }

  private String run(Path work, int accounts, Duration duration) throws Exception {
    String caId = api.createCa("ACME Benchmark CA " + Instant.now());
    String templateId = BenchApi.id(api.get("/api/v1/cas/" + caId + "/templates"));
    String policyId =
        BenchApi.id(
            api.post(
                "/api/v1/cas/" + caId + "/acme-policies",
                "{\"name\":\"Benchmark\",\"templateId\":\""
                    + templateId
                    + "\",\"preApprovedDomains\":\"*."
                    + DOMAIN
                    + "\"}"));
    String eab =
        api.post(
            "/api/v1/acme-policies/" + policyId + "/eabs",
            "{\"name\":\"benchmark\",\"allowedUses\":" + accounts + "}");
    String kid =
        BenchApi.field(eab, java.util.regex.Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\""));
    String hmac =
        BenchApi.field(eab, java.util.regex.Pattern.compile("\"hmacKey\"\\s*:\\s*\"([^\"]+)\""));
    URI directory = URI.create(api.base + "/pki/acme/directory");
    List<Login> logins = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      logins.add(
          new AccountBuilder()
              .agreeToTermsOfService()
              .withKeyIdentifier(kid, hmac)
              .useKeyPair(BenchApi.p256())
              .createLogin(new Session(directory)));
    }
    List<Csr> csrs = csrs(2000);
    ProcessCpu[] processes = ProcessCpu.fromProperties("server", "database");
    ServerJit jit = ServerJit.fromProperties();
    InMemory.Cost inMemory = InMemory.cpuPerOperation(orderWork(), 3000);
    Figures figures = Figures.start(work);
    Clients.Load load =
        new Clients.Load(
            accounts, duration, WarmUp.BATCH, WarmUp.BATCHES, processes, jit, inMemory);
    Clients.Operation order = (client, i) -> order(logins.get(client), csrs.get(i % csrs.size()));
    Figures.Row orders =
        load.row(
            "complete ACME orders (new order, finalize, POST-as-GET order, download), "
                + accounts
                + " accounts",
            "≥ 200/s; server ≤ 5 ms/order",
            "acme-orders",
            order);
    figures.add(orders);
    // The floor under every signed request: each account reading itself (POST-as-GET, §7.3.3):
    // HTTP, the JWS check, the nonce's use, the account's read, the next nonce, JSON; no order.
    Figures.Row floor =
        load.row(
            "floor: the account's POST-as-GET (§7.3.3), no order, " + accounts + " accounts",
            "what any signed request costs",
            "acme-account-reads",
            (client, i) -> logins.get(client).getAccount().fetch());
    figures.add(floor);
    figures.note(floorNote(orders, floor));
    return figures.report();
  }

  /**
   * Splits an order's server CPU into its four signed requests' floor and the rest, and sets the
   * goal beside the four floors: the part no order can go below while each request is checked and
   * answered as the floor's is.
   */
  static String floorNote(Figures.Row orders, Figures.Row floor) {
    double order = orders.cpuMillis(0);
    double four = 4 * floor.cpuMillis(0);
    return String.format(
        java.util.Locale.ROOT,
        "Floor: an order is four signed requests (new order, finalize, the order's POST-as-GET,"
            + " the download); four times the floor's %.3f ms is %.3f ms of the order's %.3f ms of"
            + " server CPU, and the rest, %.3f ms, is the order's own work (%.3f ms of it in memory:"
            + " the issuance and the four JWS checks). MariaDB: four floors %.3f ms of the order's"
            + " %.3f ms. The goal, 5 ms of server CPU per order, is %.2f × the four floors alone.",
        floor.cpuMillis(0),
        four,
        order,
        order - four,
        orders.inMemory().cpuMillis(),
        4 * floor.cpuMillis(1),
        orders.cpuMillis(1),
        5 / four);
  }

  private static void order(Login login, Csr csr) throws Exception {
    Order order = login.newOrder().domain(csr.domain()).create();
    order.execute(csr.der());
    if (order.getStatus() != Status.VALID
        && order.waitForCompletion(Duration.ofSeconds(30)) != Status.VALID) {
      throw new IllegalStateException("order " + order.getLocation() + " is " + order.getStatus());
    }
    order.getCertificate().download();
  }

  /**
   * What an order cannot avoid, in memory with Bouncy Castle: the issuance's work ({@link
   * IssuanceInMemory#work}) and the ES256 signature checks of the order's four JWS requests (RFC
   * 8555 §6.2) with one account key.
   */
  private static InMemory.Work orderWork() throws Exception {
    InMemory.Work issuance = IssuanceInMemory.work();
    KeyPair account = BenchApi.p256();
    byte[] signingInput = new byte[400];
    new java.security.SecureRandom().nextBytes(signingInput);
    Signature signer = Signature.getInstance("SHA256withECDSA", BenchApi.BC);
    signer.initSign(account.getPrivate());
    signer.update(signingInput);
    byte[] signature = signer.sign();
    return () -> {
      issuance.run();
      for (int request = 0; request < 4; request++) {
        Signature verifier = Signature.getInstance("SHA256withECDSA", BenchApi.BC);
        verifier.initVerify(account.getPublic());
        verifier.update(signingInput);
        if (!verifier.verify(signature)) {
          throw new IllegalStateException("JWS signature");
        }
      }
    };
  }

  /**
   * A CSR for one pre-approved name, made before the measurement so the clients' key generation is
   * not timed.
   */
  private record Csr(String domain, byte[] der) {}

  private static List<Csr> csrs(int count) throws Exception {
    List<Csr> csrs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String domain = "host" + i + "." + DOMAIN;
      KeyPair keys = BenchApi.p256();
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      extensions.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, domain)));
      byte[] der =
          new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + domain), keys.getPublic())
              .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
              .build(
                  new JcaContentSignerBuilder("SHA256withECDSA")
                      .setProvider(BenchApi.BC)
                      .build(keys.getPrivate()))
              .getEncoded();
      csrs.add(new Csr(domain, der));
    }
    return csrs;
  }
}
