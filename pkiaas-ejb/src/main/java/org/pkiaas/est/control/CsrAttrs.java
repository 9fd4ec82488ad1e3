package org.pkiaas.est.control;

import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.x509.Der;

/**
 * The csrattrs answer (RFC 7030 §4.5.2): {@code CsrAttrs ::= SEQUENCE OF AttrOrOID}, telling a
 * client what the template accepts before it makes its CSR. Each key type the template allows
 * becomes its algorithm: RSA as an attribute carrying the smallest key size, EC as one carrying the
 * curves, the others as bare OIDs (RFC 8951 §3.4 lets an attribute name the key's parameters); then
 * the signature algorithms to sign the CSR with. Base64 as {@code application/csrattrs}.
 */
public final class CsrAttrs {

  public static final String MEDIA_TYPE = "application/csrattrs";

  private CsrAttrs() {}

  /** The DER of the template's CsrAttrs. */
  public static byte[] of(TemplateSettings.Requests requests) {
    ASN1EncodableVector attributes = new ASN1EncodableVector();
    List<String> types = requests.allowedKeyTypes();
    for (String type : types) {
      switch (type) {
        case "RSA" ->
            attributes.add(
                attribute(
                    PKCSObjectIdentifiers.rsaEncryption,
                    new ASN1Integer(BigInteger.valueOf(requests.minimumRsaBits()))));
        case "EC" ->
            attributes.add(
                attribute(
                    X9ObjectIdentifiers.id_ecPublicKey,
                    SECObjectIdentifiers.secp256r1,
                    SECObjectIdentifiers.secp384r1,
                    SECObjectIdentifiers.secp521r1));
        case "ED25519" -> attributes.add(EdECObjectIdentifiers.id_Ed25519);
        case "ML_DSA" -> {
          attributes.add(NISTObjectIdentifiers.id_ml_dsa_44);
          attributes.add(NISTObjectIdentifiers.id_ml_dsa_65);
          attributes.add(NISTObjectIdentifiers.id_ml_dsa_87);
        }
        default -> {
          // SLH-DSA has a dozen parameter sets; the CSR's own signature names the one used
        }
      }
    }
    if (types.contains("RSA")) {
      attributes.add(PKCSObjectIdentifiers.sha256WithRSAEncryption);
    }
    if (types.contains("EC")) {
      attributes.add(X9ObjectIdentifiers.ecdsa_with_SHA256);
    }
    return Der.encoded(new DERSequence(attributes));
  }

  private static Attribute attribute(ASN1ObjectIdentifier type, ASN1Encodable... values) {
    return new Attribute(type, new DERSet(values));
  }
}
