package org.pkiaas.ct.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;

/**
 * The {@code SignedCertificateTimestampList} of RFC 6962 §3.3, and the X.509v3 extension that
 * embeds it in a certificate: its extnValue holds an OCTET STRING whose contents are the TLS list.
 */
public record SctList(List<SignedCertificateTimestamp> timestamps) {

  /** The embedded SCT list extension, non-critical (§3.3). */
  public static final ASN1ObjectIdentifier EXTENSION =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

  /** The extension's OID as DER encodes it, tag and length included. */
  private static final byte[] EXTENSION_DER;

  static {
    try {
      EXTENSION_DER = EXTENSION.getEncoded();
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public SctList {
    timestamps = List.copyOf(timestamps);
  }

  /** {@code opaque SerializedSCT<1..2^16-1>} each, inside a list with a two-byte length. */
  public byte[] encoded() {
    TlsWriter list = new TlsWriter();
    for (SignedCertificateTimestamp sct : timestamps) {
      list.vector(sct.encoded(), 2);
    }
    return new TlsWriter().vector(list.toByteArray(), 2).toByteArray();
  }

  public static SctList decode(byte[] encoded) {
    TlsReader outer = new TlsReader(encoded);
    TlsReader in = new TlsReader(outer.vector(2));
    outer.requireEnd("The SCT list");
    List<SignedCertificateTimestamp> timestamps = new ArrayList<>();
    while (!in.atEnd()) {
      timestamps.add(SignedCertificateTimestamp.decode(in.vector(2)));
    }
    if (timestamps.isEmpty()) {
      throw new CtFormatException("An SCT list holds at least one SCT");
    }
    return new SctList(timestamps);
  }

  public Extension extension() {
    try {
      return new Extension(EXTENSION, false, new DEROctetString(new DEROctetString(encoded())));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether a certificate's DER encoding may embed an SCT list: false when its bytes hold no
   * encoding of the extension's OID, so that a certificate without SCTs, as most are, need not be
   * parsed to find none.
   */
  public static boolean mayBeIn(byte[] certificateDer) {
    return indexOf(certificateDer, EXTENSION_DER) >= 0;
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The list embedded in {@code extensions}, or null when there is none. */
  public static SctList of(Extensions extensions) {
    Extension extension = extensions == null ? null : extensions.getExtension(EXTENSION);
    if (extension == null) {
      return null;
    }
    try {
      return decode(ASN1OctetString.getInstance(extension.getParsedValue()).getOctets());
    } catch (IllegalArgumentException e) {
      throw new CtFormatException("The SCT list extension is not an OCTET STRING", e);
    }
  }
}
