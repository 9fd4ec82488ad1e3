package org.pkiaas.ocsp.control;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;
import org.pkiaas.certificate.control.DerStructure;
import org.pkiaas.certificate.control.MalformedDerException;

/**
 * Decodes an untrusted DER {@code OCSPRequest} (RFC 6960 §4.1.1) into the CertIDs asked about and
 * the RFC 8954 nonce. Whatever the bytes, the only failure is {@link
 * MalformedOcspRequestException}: size and nesting are bounded before Bouncy Castle parses
 * anything.
 */
public final class OcspRequestDecoder {

  /** Larger requests are refused: a hundred CertIDs with a nonce fit in a few kilobytes. */
  public static final int MAX_REQUEST_BYTES = 16 * 1024;

  static final int MAX_CERTIFICATES = 100;

  /** RFC 8954 §2.1: a nonce is 1 to 32 octets. */
  static final int MAX_NONCE = 32;

  /**
   * OCSPRequest → TBSRequest → requestList → Request → CertID → AlgorithmIdentifier is six levels;
   * an optional signature with its certificates (RFC 5280 §4.1) reaches about fifteen.
   */
  static final int MAX_DEPTH = 24;

  private static final DerStructure STRUCTURE = DerStructure.der(MAX_DEPTH);

  private OcspRequestDecoder() {}

  /** The certificates asked about, in request order, and the nonce (null when none was sent). */
  public record OcspRequest(List<CertificateID> certificateIds, byte[] nonce) {}

  public static OcspRequest decode(byte[] der) throws MalformedOcspRequestException {
    if (der == null || der.length == 0 || der.length > MAX_REQUEST_BYTES) {
      throw new MalformedOcspRequestException(
          "empty or larger than " + MAX_REQUEST_BYTES + " bytes");
    }
    try {
      STRUCTURE.check(der);
    } catch (MalformedDerException e) {
      throw new MalformedOcspRequestException(e.getMessage());
    }
    try {
      OCSPReq request = new OCSPReq(der);
      Req[] requests = request.getRequestList();
      if (requests.length == 0 || requests.length > MAX_CERTIFICATES) {
        throw new MalformedOcspRequestException(
            requests.length + " certificates; 1 to " + MAX_CERTIFICATES + " are answered");
      }
      byte[] nonce = nonce(request);
      if (nonce != null && (nonce.length < 1 || nonce.length > MAX_NONCE)) {
        throw new MalformedOcspRequestException("nonce of " + nonce.length + " octets");
      }
      List<CertificateID> ids = Arrays.stream(requests).map(Req::getCertID).toList();
      for (CertificateID id : ids) {
        // touch what the responder reads, so a broken CertID fails here and not there
        id.getHashAlgOID();
        id.getSerialNumber();
        id.getIssuerNameHash();
        id.getIssuerKeyHash();
      }
      return new OcspRequest(ids, nonce);
    } catch (IOException | RuntimeException e) {
      throw new MalformedOcspRequestException(
          "not an OCSPRequest: " + e.getClass().getSimpleName());
    }
  }

  /**
   * The request's nonce (RFC 8954 §2.1: an OCTET STRING inside the extension value), or null. A
   * value that is not itself an OCTET STRING is taken whole, as some clients send it so.
   */
  private static byte[] nonce(OCSPReq request) {
    Extension extension = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
    if (extension == null) {
      return null;
    }
    byte[] value = extension.getExtnValue().getOctets();
    try {
      ASN1Primitive inner = ASN1Primitive.fromByteArray(value);
      if (inner instanceof ASN1OctetString octets) {
        return octets.getOctets();
      }
    } catch (IOException | RuntimeException e) {
      // not DER: the raw value is the nonce
    }
    return value;
  }
}
