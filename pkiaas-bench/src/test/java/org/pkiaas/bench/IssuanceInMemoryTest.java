package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.template.entity.TemplateSettings;

/** The in-memory baseline builds the certificate the server's Web Server template makes. */
class IssuanceInMemoryTest {

  @Test
  void theModelsCertificateHasTheWebServerTemplatesExtensionsForAnEcKey() throws Exception {
    TemplateSettings template = StarterTemplate.WEB_SERVER.defaults("Web Server", null);
    X509CertificateHolder certificate = certificate(IssuanceInMemory.certificatePem());

    List<ASN1ObjectIdentifier> expected =
        new ArrayList<>(
            List.of(
                Extension.basicConstraints,
                Extension.keyUsage,
                Extension.extendedKeyUsage,
                Extension.subjectKeyIdentifier,
                Extension.authorityKeyIdentifier,
                Extension.subjectAlternativeName));
    TemplateSettings.Distribution distribution = template.distribution();
    assertTrue(distribution.includeAia() && distribution.includeOcsp(), "the template's AIA");
    expected.add(Extension.authorityInfoAccess);
    assertTrue(distribution.includeCrl(), "the template's CRL distribution point");
    expected.add(Extension.cRLDistributionPoints);
    assertFalse(distribution.includeFreshestCrl() || distribution.includePolicies());
    assertFalse(template.keyUsage().ocspNoCheck());
    assertEquals(expected, Arrays.asList(certificate.getExtensions().getExtensionOIDs()));
    assertEquals(
        List.of(Extension.basicConstraints, Extension.keyUsage),
        Arrays.asList(certificate.getExtensions().getCriticalExtensionOIDs()),
        "critical as the server makes them (the EKU not, as the template says)");
    assertFalse(template.keyUsage().extendedKeyUsageCritical());
    assertEquals(
        new GeneralNames(new GeneralName(GeneralName.dNSName, "host.example.test")),
        GeneralNames.fromExtensions(certificate.getExtensions(), Extension.subjectAlternativeName));

    // an EC key keeps the template's usages but the encipherment ones
    List<String> usages = new ArrayList<>(template.keyUsage().keyUsage());
    usages.removeAll(List.of("keyEncipherment", "dataEncipherment"));
    assertEquals(List.of("digitalSignature"), usages);
    assertEquals(
        new KeyUsage(KeyUsage.digitalSignature),
        KeyUsage.fromExtensions(certificate.getExtensions()));
    assertEquals(List.of("serverAuth"), template.keyUsage().extendedKeyUsage());
    assertTrue(
        ExtendedKeyUsage.fromExtensions(certificate.getExtensions())
            .hasKeyPurposeId(KeyPurposeId.id_kp_serverAuth));

    // the CA's URLs as the server writes them: under the public URL, named by the CA's id
    AccessDescription[] access =
        AuthorityInformationAccess.fromExtensions(certificate.getExtensions())
            .getAccessDescriptions();
    assertEquals(AccessDescription.id_ad_caIssuers, access[0].getAccessMethod());
    String caIssuers = uri(access[0].getAccessLocation());
    assertTrue(caIssuers.matches("http://localhost:8280/pki/ca/[0-9a-f-]{36}\\.crt"), caIssuers);
    String caId = caIssuers.substring(caIssuers.lastIndexOf('/') + 1, caIssuers.length() - 4);
    assertEquals(AccessDescription.id_ad_ocsp, access[1].getAccessMethod());
    assertEquals("http://localhost:8280/pki/ocsp/" + caId, uri(access[1].getAccessLocation()));
    CRLDistPoint points =
        CRLDistPoint.getInstance(
            certificate.getExtensions().getExtensionParsedValue(Extension.cRLDistributionPoints));
    GeneralNames crl =
        GeneralNames.getInstance(
            points.getDistributionPoints()[0].getDistributionPoint().getName());
    assertEquals("http://localhost:8280/pki/crl/" + caId + ".crl", uri(crl.getNames()[0]));
  }

  private static String uri(GeneralName name) {
    assertEquals(GeneralName.uniformResourceIdentifier, name.getTagNo());
    return name.getName().toString();
  }

  private static X509CertificateHolder certificate(String pem) throws Exception {
    try (PemReader reader = new PemReader(new StringReader(pem))) {
      PemObject object = reader.readPemObject();
      assertEquals("CERTIFICATE", object.getType());
      return new X509CertificateHolder(object.getContent());
    }
  }
}
