package org.pkiaas.scep.control;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The challengePassword attribute of a PKCS#10 request (RFC 2985 §5.4.1), which SCEP uses to
 * authorise a PKCSReq (RFC 8894 §2.2): a DirectoryString, one value.
 */
public final class ChallengePassword {

  private ChallengePassword() {}

  /** The password the CSR carries, or null when it has none (or more than one). */
  public static String of(PKCS10CertificationRequest csr) {
    Attribute[] attributes = csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_challengePassword);
    if (attributes.length != 1 || attributes[0].getAttrValues().size() != 1) {
      return null;
    }
    ASN1Encodable value = attributes[0].getAttrValues().getObjectAt(0);
    return value instanceof ASN1String text ? text.getString() : null;
  }
}
