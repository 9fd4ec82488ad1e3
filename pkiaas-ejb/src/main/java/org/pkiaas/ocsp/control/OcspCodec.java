package org.pkiaas.ocsp.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.operator.ContentSigner;
import org.pkiaas.certificate.entity.RevocationReason;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.DerStructure;
import org.pkiaas.x509.DerWriter;
import org.pkiaas.x509.MalformedDerException;

/**
 * The OCSP wire format, both ways, and nothing else: it decides no status and keeps no cache (that
 * is {@link org.pkiaas.ocsp.boundary.OcspResponder}'s job).
 *
 * <ul>
 *   <li>{@link #decode} turns an untrusted DER {@code OCSPRequest} (RFC 6960 §4.1.1) into the
 *       CertIDs asked about and the RFC 8954 nonce. Whatever the bytes, the only failure is {@link
 *       MalformedOcspRequestException}: size and nesting are bounded before Bouncy Castle parses
 *       anything.
 *   <li>{@link #encode} turns the responder's decision into a signed {@code OCSPResponse} with a
 *       {@code BasicOCSPResponse} (RFC 6960 §4.2.1, §4.2.2.3), echoing the nonce (RFC 8954 §2.1).
 *   <li>{@link #error} makes the unsigned response of an unsuccessful status (RFC 6960 §2.3).
 * </ul>
 *
 * <p>Its tests read requests made by {@code openssl ocsp} from {@code src/test/resources/ocsp/}.
 */
public final class OcspCodec {

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

  /** OCSPResponseStatus successful: ENUMERATED 0. */
  private static final byte[] SUCCESSFUL_STATUS = {0x0A, 0x01, 0x00};

  private static final byte[] BASIC = Der.encoded(OCSPObjectIdentifiers.id_pkix_ocsp_basic);

  /** CertStatus good: [0] IMPLICIT NULL. */
  private static final byte[] GOOD = {(byte) 0x80, 0x00};

  /** CertStatus unknown: [2] IMPLICIT NULL. */
  private static final byte[] UNKNOWN = {(byte) 0x82, 0x00};

  private OcspCodec() {}

  /** OCSPResponseStatus (RFC 6960 §4.2.1), with its ASN.1 value; 4 is not used. */
  public enum ResponseStatus {
    SUCCESSFUL(0),
    MALFORMED_REQUEST(1),
    INTERNAL_ERROR(2),
    TRY_LATER(3),
    SIG_REQUIRED(5),
    UNAUTHORIZED(6);

    private final int code;

    ResponseStatus(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  /** CertStatus of one SingleResponse (RFC 6960 §4.2.1, meanings in §2.2). */
  public sealed interface CertStatus permits Good, Revoked, Unknown {}

  /** The certificate is not revoked. */
  public record Good() implements CertStatus {}

  /**
   * The certificate is revoked or on hold since {@code at}.
   *
   * @param reason the CRLReason to state, or null to state none (RFC 5280 §5.3.1 asks to leave out
   *     unspecified)
   */
  public record Revoked(Instant at, RevocationReason reason) implements CertStatus {
    public Revoked {
      Objects.requireNonNull(at);
    }
  }

  /**
   * The responder does not know the certificate (RFC 6960 §2.2: never good for what it never saw).
   */
  public record Unknown() implements CertStatus {}

  /** One SingleResponse: the CertID as the client sent it and its status. */
  public record SingleAnswer(CertificateID id, CertStatus status) {}

  /**
   * What a successful response says (RFC 6960 §4.2.2.1): the same thisUpdate and nextUpdate for
   * every answer, the time it was produced being thisUpdate; {@code nonce} is echoed when not null.
   */
  public record BasicResponse(
      List<SingleAnswer> answers, Instant thisUpdate, Instant nextUpdate, byte[] nonce) {
    public BasicResponse {
      answers = List.copyOf(answers);
      Objects.requireNonNull(thisUpdate);
      Objects.requireNonNull(nextUpdate);
    }
  }

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
   * A successful OCSPResponse: a BasicOCSPResponse signed by {@code responder}, which carries its
   * certificate (RFC 6960 §4.2.2.2, delegated responder) and is named by key hash (RFC 5019
   * §2.2.3).
   *
   * <p>Written as DER directly, each part once: ResponseData is encoded, signed and placed as it
   * is, the responder's certificate and ResponderID come encoded with the {@link Responder}. Bouncy
   * Castle's {@code BasicOCSPRespBuilder} and {@code OCSPRespBuilder} encode ResponseData three
   * times (to sign, into BasicOCSPResponse, into the OCTET STRING of ResponseBytes) and format each
   * GeneralizedTime with a new {@code SimpleDateFormat}; the bytes are the same (OcspCodecTest
   * compares them).
   */
  public static byte[] encode(BasicResponse response, Responder responder) throws OCSPException {
    byte[] thisUpdate = DerWriter.generalizedTime(response.thisUpdate());
    byte[] nextUpdate = DerWriter.tlv(0xA0, DerWriter.generalizedTime(response.nextUpdate()));
    byte[][] singles = new byte[response.answers().size()][];
    for (int i = 0; i < singles.length; i++) {
      SingleAnswer answer = response.answers().get(i);
      singles[i] =
          DerWriter.tlv(
              DerWriter.SEQUENCE,
              Der.encoded(answer.id().toASN1Primitive()),
              status(answer.status()),
              thisUpdate,
              nextUpdate);
    }
    byte[] extensions =
        response.nonce() == null
            ? new byte[0]
            : DerWriter.tlv(
                0xA1,
                Der.encoded(
                    new Extensions(
                        new Extension(
                            OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                            false,
                            Der.encoded(new DEROctetString(response.nonce()))))));
    // ResponseData: version v1 is the DEFAULT and left out (X.690 §11.5); producedAt is thisUpdate
    byte[] responseData =
        DerWriter.tlv(
            DerWriter.SEQUENCE,
            responder.responderIdDer(),
            thisUpdate,
            DerWriter.tlv(DerWriter.SEQUENCE, singles),
            extensions);
    ContentSigner signer = responder.signer();
    try (OutputStream out = signer.getOutputStream()) {
      out.write(responseData);
    } catch (IOException e) {
      throw new OCSPException("Cannot sign the response", e);
    }
    byte[] basic =
        DerWriter.tlv(
            DerWriter.SEQUENCE,
            responseData,
            Der.encoded(signer.getAlgorithmIdentifier()),
            DerWriter.bitString(signer.getSignature()),
            DerWriter.tlv(0xA0, DerWriter.tlv(DerWriter.SEQUENCE, responder.certificateDer())));
    return DerWriter.tlv(
        DerWriter.SEQUENCE,
        SUCCESSFUL_STATUS,
        DerWriter.tlv(
            0xA0,
            DerWriter.tlv(
                DerWriter.SEQUENCE, BASIC, DerWriter.tlv(DerWriter.OCTET_STRING, basic))));
  }

  /** An unsuccessful OCSPResponse: the status alone, no responseBytes (RFC 6960 §4.2.1). */
  public static byte[] error(ResponseStatus status) {
    if (status == ResponseStatus.SUCCESSFUL) {
      throw new IllegalArgumentException("A successful response is signed: use encode");
    }
    try {
      return new OCSPRespBuilder().build(status.code(), null).getEncoded();
    } catch (IOException | OCSPException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * CertStatus (RFC 6960 §4.2.1): good and unknown are IMPLICIT NULLs; revoked is RevokedInfo, its
   * reason left out when none is stated.
   */
  private static byte[] status(CertStatus status) {
    if (status instanceof Revoked revoked) {
      RevokedInfo info =
          revoked.reason() == null
              ? new RevokedInfo(generalizedTimeValue(revoked.at()), null)
              : new RevokedInfo(
                  generalizedTimeValue(revoked.at()), CRLReason.lookup(revoked.reason().code()));
      return Der.encoded(new org.bouncycastle.asn1.ocsp.CertStatus(info));
    }
    return status instanceof Good ? GOOD : UNKNOWN;
  }

  private static ASN1GeneralizedTime generalizedTimeValue(Instant time) {
    return ASN1GeneralizedTime.getInstance(DerWriter.generalizedTime(time));
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
