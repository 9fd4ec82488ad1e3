package org.pkiaas.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pkiaas.x509.CertificateTimes;

/**
 * What Certificate Transparency adds to an issuance that cannot be avoided, in memory with Bouncy
 * Castle and P-256 keys (RFC 6962 §3.1, §3.2), the "one extra signature" of issue 19: build, sign
 * and encode the precertificate (a Web Server certificate's TBS with the critical poison
 * extension), take its TBS without the poison for the signed entry, and verify two logs' SCT
 * signatures over it. The precertificate's fields are fixed so that the SCTs, signed once
 * beforehand, verify every time; the CA's ECDSA signature still differs each time.
 */
final class CtInMemory {

  private static final int LOGS = 2;

  private final KeyPair ca = BenchApi.p256();
  private final SubjectPublicKeyInfo subject =
      SubjectPublicKeyInfo.getInstance(BenchApi.p256().getPublic().getEncoded());
  private final byte[] issuerKeyHash =
      MessageDigest.getInstance("SHA-256").digest(ca.getPublic().getEncoded());
  private final BigInteger serial = new BigInteger(127, new SecureRandom());
  private final Date notBefore = new Date();
  private final Date notAfter = new Date(notBefore.getTime() + 86_400_000L);
  private final List<KeyPair> logs = new ArrayList<>();
  private final List<byte[]> scts = new ArrayList<>();

  private CtInMemory() throws Exception {
    byte[] entry = signedEntry(precertificate());
    for (int i = 0; i < LOGS; i++) {
      KeyPair log = BenchApi.p256();
      Signature signer = Signature.getInstance("SHA256withECDSA", BenchApi.BC);
      signer.initSign(log.getPrivate());
      signer.update(entry);
      logs.add(log);
      scts.add(signer.sign());
    }
  }

  /** A precertificate and the self-signed CA above it, as a log is sent them. */
  record Chain(X509CertificateHolder root, List<byte[]> der) {}

  /** A chain such as the server sends its logs, of a CA of its own that the logs must accept. */
  static Chain chain() throws Exception {
    CtInMemory ct = new CtInMemory();
    X500Name name = new X500Name("CN=Benchmark CA");
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            ct.notBefore,
            ct.notAfter,
            name,
            SubjectPublicKeyInfo.getInstance(ct.ca.getPublic().getEncoded()));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    X509CertificateHolder root =
        builder.build(
            new JcaContentSignerBuilder("SHA256withECDSA")
                .setProvider(BenchApi.BC)
                .build(ct.ca.getPrivate()));
    return new Chain(root, List.of(ct.precertificate().getEncoded(), root.getEncoded()));
  }

  /** One unit: the precertificate signed and encoded, and two SCTs checked against it. */
  static InMemory.Work work() throws Exception {
    CtInMemory ct = new CtInMemory();
    return ct::run;
  }

  /**
   * Issue 19's budget for what CT may add to one issuance: the two logs' round trips as a client
   * pays them ({@link CtRoundTrips}) and, in memory, the precertificate's signature and the two SCT
   * checks.
   */
  record Budget(CtRoundTrips.Cost roundTrips, InMemory.Cost inMemory) {
    double millis() {
      return roundTrips.cpuMillis() + inMemory.cpuMillis();
    }
  }

  /** The server's extra CPU per certificate with CT: the CT row's minus the warm plain row's. */
  static double extra(Figures.Row ct, Figures.Row plain) {
    return ct.cpuMillis(0) - plain.cpuMillis(0);
  }

  /**
   * {@code ct} with its goal column saying the extra CPU against the budget. With {@code pairs}
   * ({@link CtPairs}), the goal is judged on the median of their differences; without, on the
   * control row ({@code beside}: the plain call with the same logs' work on the same cores, so that
   * the difference is CT's own work and not the contention of logs that a real deployment runs
   * elsewhere). The single rows' extra over the control and over the plain row stand beside it.
   */
  static Figures.Row withBudget(
      Figures.Row ct,
      Figures.Row plain,
      Figures.Row beside,
      Budget budget,
      List<CtPairs.Pair> pairs) {
    double own = extra(ct, beside);
    String rows =
        String.format(
            java.util.Locale.ROOT,
            "%.2f ms over the control row below (%.2f ms over the plain row)",
            own,
            extra(ct, plain));
    String goal =
        pairs.isEmpty()
            ? String.format(
                java.util.Locale.ROOT,
                "%s against %.2f ms, %s",
                rows,
                budget.millis(),
                own <= budget.millis() ? "met" : "**not met**")
            : String.format(
                java.util.Locale.ROOT,
                "median of %d paired windows %.2f ms against %.2f ms, %s (single rows: %s)",
                pairs.size(),
                CtPairs.medianExtra(pairs),
                budget.millis(),
                CtPairs.met(pairs, budget.millis()) ? "met" : "**not met**",
                rows);
    return new Figures.Row(
        ct.path(),
        ct.outcome(),
        ct.inMemory(),
        ct.warmUp(),
        ct.compilationsDuring(),
        "extra server CPU ≤ log round trips + precertificate signature + SCT checks: " + goal);
  }

  /**
   * The line below the table: the CT row's extra server CPU against the plain one call measured
   * right before it, after a first CT run ({@code plain}; {@code first}: the first plain run), set
   * against {@code budget}.
   */
  static String note(
      Figures.Row ct,
      Figures.Row plain,
      Figures.Row first,
      Budget budget,
      CtRoundTrips.Cost alone,
      String entries) {
    double more = extra(ct, plain);
    double moreWithoutJit =
        (ct.cpuMillis(0) - ct.jitMillis()) - (plain.cpuMillis(0) - plain.jitMillis());
    return String.format(
        java.util.Locale.ROOT,
        "- CT against plain, one call: the server spent %.2f ms more CPU per certificate with CT"
            + " (%.2f against %.2f ms in the plain run before it, after a first CT run; %.2f ms in the"
            + " first plain run;"
            + " %.2f ms more without the JIT compiler threads). The budget, the log round trips"
            + " plus one extra signature, is %.3f ms: the two add-pre-chain round trips %.3f ms"
            + " (both requests written, then both answers read, on the calling thread by the"
            + " server's own log client, with %d certificates' pairs in flight at once as the server"
            + " has; the"
            + " client's threads' CPU in this process, %d pairs after %d to warm up; %.3f ms per"
            + " pair sent alone, one after the other) and, in memory, the precertificate's"
            + " signature and two SCT checks %.3f ms (the"
            + " CT row's in-memory column is the plain issuance's %.3f ms plus these). The extra"
            + " is %.1f× the budget: %.2f ms per certificate %s. The logs logged %s entries.",
        more,
        ct.cpuMillis(0),
        plain.cpuMillis(0),
        first.cpuMillis(0),
        moreWithoutJit,
        budget.millis(),
        budget.roundTrips().cpuMillis(),
        budget.roundTrips().callers(),
        budget.roundTrips().operations(),
        budget.roundTrips().warmUpOperations(),
        alone.cpuMillis(),
        budget.inMemory().cpuMillis(),
        plain.inMemory().cpuMillis(),
        more / budget.millis(),
        Math.abs(more - budget.millis()),
        more > budget.millis() ? "over it" : "under it",
        entries);
  }

  /**
   * The line on the control row ({@code beside}: the plain one call with the logs' work beside it):
   * what the logs' contention alone costs the server, and the CT row's extra counted from it.
   */
  static String contention(Figures.Row ct, Figures.Row plain, Figures.Row beside, Budget budget) {
    double contention = beside.cpuMillis(0) - plain.cpuMillis(0);
    double more = ct.cpuMillis(0) - beside.cpuMillis(0);
    return String.format(
        java.util.Locale.ROOT,
        "- The logs' work beside the plain one call (the control: each issued certificate sent to"
            + " both logs' add-chain by its client, the load generator spending %.2f ms per"
            + " certificate against %.2f ms in the CT row and %.2f ms in the plain row, the server"
            + " doing no CT work): the server spent %.2f ms per certificate against the plain"
            + " row's %.2f ms, so the logs' contention alone costs it %.2f ms (%.2f ms without"
            + " the JIT compiler threads). Counted from this row instead, CT's extra is %.2f ms"
            + " per certificate, %.1f× the budget of %.3f ms (%s).",
        beside.cpuMillis(2),
        ct.cpuMillis(2),
        plain.cpuMillis(2),
        beside.cpuMillis(0),
        plain.cpuMillis(0),
        contention,
        (beside.cpuMillis(0) - beside.jitMillis()) - (plain.cpuMillis(0) - plain.jitMillis()),
        more,
        more / budget.millis(),
        budget.millis(),
        more <= budget.millis() ? "met" : "not met");
  }

  private void run() throws Exception {
    X509CertificateHolder precertificate = precertificate();
    precertificate.getEncoded();
    byte[] entry = signedEntry(precertificate);
    for (int i = 0; i < LOGS; i++) {
      Signature verifier = Signature.getInstance("SHA256withECDSA", BenchApi.BC);
      verifier.initVerify(logs.get(i).getPublic());
      verifier.update(entry);
      if (!verifier.verify(scts.get(i))) {
        throw new IllegalStateException("the SCT of log " + i + " does not verify");
      }
    }
  }

  private X509CertificateHolder precertificate() throws Exception {
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            new X500Name("CN=Benchmark CA"),
            serial,
            CertificateTimes.of(notBefore.toInstant()),
            CertificateTimes.of(notAfter.toInstant()),
            new X500Name("CN=host.example.test"),
            subject);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, "host.example.test")));
    builder.addExtension(Rfc6962Log.POISON, true, DERNull.INSTANCE);
    return builder.build(
        new JcaContentSignerBuilder("SHA256withECDSA")
            .setProvider(BenchApi.BC)
            .build(ca.getPrivate()));
  }

  /**
   * RFC 6962 §3.2: what a log signs for a precertificate entry: version v1, certificate_timestamp,
   * timestamp, precert_entry, the issuer key's hash, the TBS without the poison, no extensions.
   */
  private byte[] signedEntry(X509CertificateHolder precertificate) throws IOException {
    byte[] tbs = Rfc6962Log.tbsWithout(precertificate, Rfc6962Log.POISON);
    ByteBuffer out = ByteBuffer.allocate(1 + 1 + 8 + 2 + issuerKeyHash.length + 3 + tbs.length + 2);
    out.put((byte) 0).put((byte) 0).putLong(notBefore.getTime()).putShort((short) 1);
    out.put(issuerKeyHash);
    out.put((byte) (tbs.length >>> 16)).put((byte) (tbs.length >>> 8)).put((byte) tbs.length);
    out.put(tbs).putShort((short) 0);
    return out.array();
  }
}
