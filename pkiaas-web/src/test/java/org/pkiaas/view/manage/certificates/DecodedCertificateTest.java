package org.pkiaas.view.manage.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The detail page's reading of the extensions PKIaaS writes: every one with a readable value. */
class DecodedCertificateTest {

  @Test
  void readsTheExtensionsPkiaasWrites() throws Exception {
    BouncyCastleProvider bc = new BouncyCastleProvider();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
    generator.initialize(new ECGenParameterSpec("P-256"));
    KeyPair keys = generator.generateKeyPair();
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            new X500Name("CN=Issuer"),
            BigInteger.valueOf(255),
            new Date(),
            new Date(System.currentTimeMillis() + 86_400_000L),
            new X500Name("CN=host.example.test"),
            SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
    builder.addExtension(
        Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
    builder.addExtension(
        Extension.authorityKeyIdentifier,
        false,
        utils.createAuthorityKeyIdentifier(keys.getPublic()));
    builder.addExtension(
        Extension.authorityInfoAccess,
        false,
        new AuthorityInformationAccess(
            new AccessDescription[] {
              new AccessDescription(
                  AccessDescription.id_ad_ocsp, uri("http://pki.test/pki/ocsp/ca")),
              new AccessDescription(
                  AccessDescription.id_ad_caIssuers, uri("http://pki.test/pki/ca/ca.crt"))
            }));
    builder.addExtension(
        Extension.cRLDistributionPoints,
        false,
        new CRLDistPoint(
            new DistributionPoint[] {
              new DistributionPoint(
                  new DistributionPointName(
                      new GeneralNames(uri("http://pki.test/pki/crl/ca.crl"))),
                  null,
                  null)
            }));
    builder.addExtension(
        Extension.certificatePolicies,
        false,
        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier("2.23.140.1.2.1"))));
    byte[] der =
        builder
            .build(
                new JcaContentSignerBuilder("SHA256withECDSA")
                    .setProvider(bc)
                    .build(keys.getPrivate()))
            .getEncoded();

    Map<String, String> values =
        DecodedCertificate.of(der).extensions().stream()
            .collect(
                Collectors.toMap(
                    DecodedCertificate.Extension::name, DecodedCertificate.Extension::value));
    assertEquals(
        "OCSP: http://pki.test/pki/ocsp/ca, CA issuers: http://pki.test/pki/ca/ca.crt",
        values.get("Authority information access"));
    assertEquals("http://pki.test/pki/crl/ca.crl", values.get("CRL distribution points"));
    assertEquals("2.23.140.1.2.1", values.get("Certificate policies"));
    assertEquals(
        values.get("Subject key identifier"),
        values.get("Authority key identifier"),
        "self-issued: same key id");
    assertEquals(
        59, values.get("Subject key identifier").length(), "20 octets as colon-separated hex");
  }

  @Test
  void namesTheKeySizeAndKeepsTheNamesOrder() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    assertEquals("RSA 2048", DecodedCertificate.keyDescription(rsa.generateKeyPair().getPublic()));
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp384r1"));
    assertEquals("EC P-384", DecodedCertificate.keyDescription(ec.generateKeyPair().getPublic()));
    assertEquals(
        "Ed25519",
        DecodedCertificate.keyDescription(
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
    assertEquals(
        "CN=host.example.test,O=Example",
        DecodedCertificate.distinguishedName(
            new X500Name("CN=host.example.test,O=Example").getEncoded()));
  }

  private static GeneralName uri(String url) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, url);
  }
}
