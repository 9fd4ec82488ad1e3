package org.pkiaas.scep.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.x509.SubjectAltNames;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The Apple profile codec: the plist Apple's schema asks for, signed as attached CMS. */
class AppleProfileTest {

  private static final X509CertificateHolder CA = ScepFixtures.ca();

  private static AppleProfile.Content content() {
    return new AppleProfile.Content(
        "Phones certificate",
        "org.pkiaas.scep.r1",
        "https://pki.example/pki/scep/t1",
        "Fixture <CA> & Co",
        new X500Name("CN=alice,O=Example"),
        SubjectAltNames.parse("names", List.of("DNS:alice.example", "EMAIL:alice@example.com")),
        "0123456789ABCDEF0123456789ABCDEF",
        CA);
  }

  @Test
  void thePlistHasTheScepAndRootPayloads() throws Exception {
    byte[] plist = AppleProfile.plist(content());
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Element root =
        (Element)
            factory
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(plist))
                .getDocumentElement()
                .getElementsByTagName("dict")
                .item(0);
    String text = new String(plist, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.contains("<key>PayloadType</key>\n<string>Configuration</string>"), text);
    assertTrue(text.contains("<string>com.apple.security.scep</string>"));
    assertTrue(text.contains("<string>com.apple.security.root</string>"));
    assertTrue(text.contains("<key>URL</key>\n<string>https://pki.example/pki/scep/t1</string>"));
    assertTrue(text.contains("<key>Challenge</key>\n<string>0123456789ABCDEF"));
    assertTrue(text.contains("<key>Keysize</key>\n<integer>2048</integer>"));
    assertTrue(text.contains("Fixture &lt;CA&gt; &amp; Co"), "text is escaped");
    assertTrue(
        text.contains(
            "<key>Subject</key>\n<array>\n<array>\n<array>\n<string>CN</string>\n"
                + "<string>alice</string>\n</array>\n</array>\n<array>\n<array>\n<string>O</string>"),
        text);
    assertTrue(text.contains("<key>dNSName</key>\n<array>\n<string>alice.example</string>"));
    assertTrue(text.contains("<key>rfc822Name</key>\n<array>\n<string>alice@example.com</string>"));
    List<String> keys = new ArrayList<>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeName().equals("key")) {
        keys.add(n.getTextContent());
      }
    }
    assertEquals(
        List.of(
            "PayloadContent",
            "PayloadDisplayName",
            "PayloadIdentifier",
            "PayloadRemovalDisallowed",
            "PayloadType",
            "PayloadUUID",
            "PayloadVersion"),
        keys);
  }

  @Test
  void theSignedProfileCarriesThePlistAndVerifies() throws Exception {
    byte[] plist = AppleProfile.plist(content());
    byte[] signed = AppleProfile.signed(plist, ScepFixtures.key("fixture-ca.key"), CA, List.of());
    CMSSignedData cms = new CMSSignedData(signed);
    assertArrayEquals(plist, (byte[]) cms.getSignedContent().getContent());
    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
    assertTrue(
        signer.verify(
            new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(CA)));
    assertEquals(1, cms.getCertificates().getMatches(null).size());
  }

  @Test
  void ipAddressesCannotBeAskedFor() {
    assertTrue(AppleProfile.expressible(SubjectAltNames.parse("n", List.of("DNS:a.example"))));
    assertEquals(
        false, AppleProfile.expressible(SubjectAltNames.parse("n", List.of("IP:192.0.2.1"))));
  }
}
