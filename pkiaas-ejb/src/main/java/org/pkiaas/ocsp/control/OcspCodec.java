package org.pkiaas.ocsp.control;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.RevokedInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.pkiaas.certificate.entity.RevocationReason;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.DerStructure;
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
   */
  public static byte[] encode(BasicResponse response, Responder responder) throws OCSPException {
    Date thisUpdate = Date.from(response.thisUpdate());
    Date nextUpdate = Date.from(response.nextUpdate());
    BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(responder.responderId());
    for (SingleAnswer answer : response.answers()) {
      builder.addResponse(answer.id(), status(answer.status()), thisUpdate, nextUpdate, null);
    }
    if (response.nonce() != null) {
      builder.setResponseExtensions(
          new Extensions(
              new Extension(
                  OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                  false,
                  Der.encoded(new DEROctetString(response.nonce())))));
    }
    BasicOCSPResp basic =
        builder.build(
            responder.signer(), new X509CertificateHolder[] {responder.certificate()}, thisUpdate);
    try {
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    } catch (IOException e) {
      throw new OCSPException("Cannot encode the response", e);
    }
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

  private static CertificateStatus status(CertStatus status) {
    if (status instanceof Revoked revoked) {
      return revoked.reason() == null
          ? new RevokedStatus(
              new RevokedInfo(new ASN1GeneralizedTime(Date.from(revoked.at())), null))
          : new RevokedStatus(Date.from(revoked.at()), revoked.reason().code());
    }
    return status instanceof Good ? CertificateStatus.GOOD : new UnknownStatus();
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
