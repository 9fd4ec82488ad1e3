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

  /** One unit: the precertificate signed and encoded, and two SCTs checked against it. */
  static InMemory.Work work() throws Exception {
    CtInMemory ct = new CtInMemory();
    return ct::run;
  }

  /**
   * The line below the table: the CT row's extra server CPU against the plain one call measured
   * right after it ({@code plain}; {@code first}: the plain run before it), set against {@code
   * extra}, this class's in-memory cost.
   */
  static String note(
      Figures.Row ct, Figures.Row plain, Figures.Row first, InMemory.Cost extra, String entries) {
    double more = ct.cpuMillis(0) - plain.cpuMillis(0);
    return String.format(
        java.util.Locale.ROOT,
        "- CT against plain, one call: the server spent %.2f ms more CPU per certificate with CT"
            + " (%.2f against %.2f ms in the plain run after it; %.2f ms in the first plain run);"
            + " the precertificate's signature and two SCT checks cost %.3f ms in memory (the CT"
            + " row's in-memory column is the plain issuance's %.3f ms plus these), so %.2f ms per"
            + " certificate went elsewhere. The logs logged %s entries.",
        more,
        ct.cpuMillis(0),
        plain.cpuMillis(0),
        first.cpuMillis(0),
        extra.cpuMillis(),
        plain.inMemory().cpuMillis(),
        more - extra.cpuMillis(),
        entries);
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
            notBefore,
            notAfter,
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
