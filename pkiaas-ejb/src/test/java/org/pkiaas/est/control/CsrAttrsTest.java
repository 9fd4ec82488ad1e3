package org.pkiaas.est.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.Attribute;
import org.junit.jupiter.api.Test;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.x509.SanType;

/** csrattrs (RFC 7030 §4.5.2) from the template's request rules, parsed back as a client would. */
class CsrAttrsTest {

  @Test
  void rsaOnlyNamesTheKeyWithItsMinimumSizeAndTheSignature() {
    List<ASN1Encodable> attrs = parse(requests(List.of("RSA"), 3072));
    assertEquals(2, attrs.size());
    Attribute rsa = Attribute.getInstance(attrs.get(0));
    assertEquals("1.2.840.113549.1.1.1", rsa.getAttrType().getId());
    assertEquals(3072, ASN1Integer.getInstance(rsa.getAttributeValues()[0]).intValueExact());
    assertEquals("1.2.840.113549.1.1.11", ((ASN1ObjectIdentifier) attrs.get(1)).getId());
  }

  @Test
  void ecNamesItsCurvesAndEd25519ItsOid() {
    List<ASN1Encodable> attrs = parse(requests(List.of("EC", "ED25519"), 2048));
    Attribute ec = Attribute.getInstance(attrs.get(0));
    assertEquals("1.2.840.10045.2.1", ec.getAttrType().getId());
    List<String> curves = new ArrayList<>();
    for (ASN1Encodable curve : ec.getAttributeValues()) {
      curves.add(((ASN1ObjectIdentifier) curve).getId());
    }
    // a SET OF: DER orders it by encoding
    assertEquals(
        java.util.Set.of("1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35"),
        java.util.Set.copyOf(curves));
    assertEquals("1.3.101.112", ((ASN1ObjectIdentifier) attrs.get(1)).getId());
    assertEquals("1.2.840.10045.4.3.2", ((ASN1ObjectIdentifier) attrs.get(2)).getId());
    assertEquals(3, attrs.size());
  }

  @Test
  void theAnswerIsBase64OfDer() {
    byte[] der = CsrAttrs.of(requests(List.of("RSA", "EC", "ML_DSA"), 2048));
    byte[] base64 = EstBase64.encode(der);
    assertTrue(ASN1Sequence.getInstance(EstBase64.decode("csrattrs", base64)).size() >= 6);
  }

  private static TemplateSettings.Requests requests(List<String> keyTypes, int minimumRsaBits) {
    return new TemplateSettings.Requests(keyTypes, minimumRsaBits, List.of(SanType.DNS), false);
  }

  private static List<ASN1Encodable> parse(TemplateSettings.Requests requests) {
    List<ASN1Encodable> out = new ArrayList<>();
    for (ASN1Encodable e : ASN1Sequence.getInstance(CsrAttrs.of(requests))) {
      out.add(e);
    }
    return out;
  }
}
