package org.pkiaas.hsm.link;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys and certificates for link tests; software keys stand in for the token. */
final class LinkFixtures {

  static final X500Principal CA_SUBJECT = new X500Principal("CN=Test HSM Root");

  private LinkFixtures() {}

  static KeyPair ecKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  static ContentSigner signer(PrivateKey key) throws Exception {
    return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
  }

  static LinkIdentity serverIdentity() throws Exception {
    KeyPair key = ecKey();
    X500Principal name = new X500Principal("CN=PKIaaS link server");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minusSeconds(60)),
            Date.from(now.plus(Duration.ofDays(1))),
            name,
            key.getPublic());
    return new LinkIdentity(
        key.getPrivate(),
        new JcaX509CertificateConverter().getCertificate(builder.build(signer(key.getPrivate()))));
  }

  static LinkIdentity agentIdentity(KeyPair caKey, Instant now) throws Exception {
    KeyPair key = ecKey();
    return new LinkIdentity(
        key.getPrivate(),
        AgentIdentityCertificates.issue(
            CA_SUBJECT,
            key.getPublic(),
            UUID.randomUUID(),
            signer(caKey.getPrivate()),
            now,
            Duration.ofMinutes(15)));
  }
}
