package org.pkiaas.it;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.cert.CertStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jscep.client.Client;
import org.jscep.client.verification.PreProvisionedCertificateVerifier;

/**
 * One jscep device: an RSA 2048 key, the self-signed identity certificate a PKCSReq is signed with
 * (same subject as the CSR, as jscep wants) and the CSR with its challenge password.
 */
record JscepDevice(KeyPair keyPair, X509Certificate identity, PKCS10CertificationRequest csr) {

  static {
    // jscep looks its algorithms up by the provider name
    if (Security.getProvider("BC") == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }

  static JscepDevice named(String commonName, String challenge) throws Exception {
    return withKeys(rsa(), commonName, challenge);
  }

  /** A device with a key made before, for tests that send many requests. */
  static JscepDevice withKeys(KeyPair keyPair, String commonName, String challenge)
      throws Exception {
    X500Name name = new X500Name("CN=" + commonName);
    Instant now = Instant.now();
    X509Certificate identity =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v1CertificateBuilder(
                        name,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(1, ChronoUnit.HOURS)),
                        Date.from(now.plus(1, ChronoUnit.DAYS)),
                        name,
                        keyPair.getPublic())
                    .build(
                        new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
    return new JscepDevice(keyPair, identity, request(keyPair, commonName, challenge));
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** A CSR for {@code CN=commonName}, with the challenge password unless it is null. */
  static PKCS10CertificationRequest request(KeyPair keyPair, String commonName, String challenge)
      throws Exception {
    var builder =
        new JcaPKCS10CertificationRequestBuilder(
            new X500Principal("CN=" + commonName), keyPair.getPublic());
    if (challenge != null) {
      builder.addAttribute(
          PKCSObjectIdentifiers.pkcs_9_at_challengePassword, new DERPrintableString(challenge));
    }
    return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()));
  }

  /** A jscep client of the fixture's SCEP URL that trusts only the fixture's CA. */
  static Client client(ScepFixture scep) throws Exception {
    X509Certificate ca = new JcaX509CertificateConverter().getCertificate(scep.caCertificate());
    return new Client(new java.net.URL(scep.url()), new PreProvisionedCertificateVerifier(ca));
  }

  /** The end-entity certificates of a jscep answer. */
  static List<X509Certificate> certificates(CertStore store) throws Exception {
    return store.getCertificates(null).stream()
        .map(X509Certificate.class::cast)
        .filter(c -> c.getBasicConstraints() < 0)
        .toList();
  }
}
