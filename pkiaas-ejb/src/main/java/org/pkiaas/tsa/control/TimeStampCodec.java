package org.pkiaas.tsa.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.tsp.TimeStampReq;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampToken;
import org.pkiaas.tsa.boundary.FailInfo;
import org.pkiaas.tsa.boundary.TimeStampRejected;
import org.pkiaas.x509.DerStructure;

/**
 * RFC 3161 messages as bytes: decodes a {@code TimeStampReq} (§2.4.1, sent as {@code
 * application/timestamp-query}, §3.4) into a {@link Query}, and encodes the {@code TimeStampResp}
 * (§2.4.2): a granted token (a CMS SignedData over {@code TSTInfo}, §2.4.2, carrying the ESS
 * signingCertificateV2 attribute of RFC 5816) or a rejection with its failInfo. It decides nothing.
 */
public final class TimeStampCodec {

  /** Requests are a hash and a few small fields; anything larger is not one. */
  public static final int MAX_REQUEST_BYTES = 8 * 1024;

  /**
   * A TimeStampReq nests six levels at most (request, imprint, algorithm, extensions, extension,
   * value); the bound is checked before Bouncy Castle parses, so deep nesting costs no stack or
   * time.
   */
  static final DerStructure STRUCTURE = DerStructure.ber(16);

  /** The octet length of every hash this codec can check a messageImprint against. */
  static final Map<ASN1ObjectIdentifier, Integer> HASH_LENGTHS =
      Map.of(
          OIWObjectIdentifiers.idSHA1, 20,
          NISTObjectIdentifiers.id_sha224, 28,
          NISTObjectIdentifiers.id_sha256, 32,
          NISTObjectIdentifiers.id_sha384, 48,
          NISTObjectIdentifiers.id_sha512, 64,
          NISTObjectIdentifiers.id_sha3_256, 32,
          NISTObjectIdentifiers.id_sha3_384, 48,
          NISTObjectIdentifiers.id_sha3_512, 64);

  private TimeStampCodec() {}

  /**
   * A decoded TimeStampReq (RFC 3161 §2.4.1).
   *
   * @param hashAlgorithm the messageImprint's hashAlgorithm
   * @param requestedPolicy reqPolicy, or null when the TSA is to choose
   * @param nonce the nonce to echo, or null
   * @param certReq whether the TSA's certificate is to be included in the token
   */
  public record Query(
      ASN1ObjectIdentifier hashAlgorithm,
      byte[] hashedMessage,
      ASN1ObjectIdentifier requestedPolicy,
      BigInteger nonce,
      boolean certReq,
      boolean hasExtensions,
      TimeStampRequest request) {}

  /** What the TSA puts into TSTInfo beside what the query dictates (RFC 3161 §2.4.2). */
  public record Stamp(ASN1ObjectIdentifier policy, BigInteger serialNumber, Instant genTime) {}

  /**
   * Decodes a DER TimeStampReq. Garbage, trailing bytes, a version other than 1 or a hash whose
   * length does not match its algorithm are {@code badDataFormat}.
   */
  public static Query decode(byte[] der) throws TimeStampRejected {
    if (der == null || der.length == 0 || der.length > MAX_REQUEST_BYTES) {
      throw new TimeStampRejected(FailInfo.BAD_DATA_FORMAT, "Not a TimeStampReq");
    }
    TimeStampReq req;
    try {
      STRUCTURE.check(der);
      ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
      if (primitive.getEncoded(ASN1Encoding.DER).length != der.length) {
        throw new TimeStampRejected(FailInfo.BAD_DATA_FORMAT, "Bytes after the TimeStampReq");
      }
      req = TimeStampReq.getInstance(primitive);
      if (req.getMessageImprint() == null
          || req.getMessageImprint().getHashAlgorithm() == null
          || req.getMessageImprint().getHashedMessage() == null) {
        throw new TimeStampRejected(FailInfo.BAD_DATA_FORMAT, "No messageImprint");
      }
    } catch (IOException | RuntimeException e) {
      throw new TimeStampRejected(FailInfo.BAD_DATA_FORMAT, "Not a DER TimeStampReq");
    }
    if (!req.getVersion().hasValue(1)) {
      throw new TimeStampRejected(FailInfo.BAD_DATA_FORMAT, "Only TimeStampReq version 1 exists");
    }
    ASN1ObjectIdentifier hash = req.getMessageImprint().getHashAlgorithm().getAlgorithm();
    byte[] hashed = req.getMessageImprint().getHashedMessage();
    Integer length = HASH_LENGTHS.get(hash);
    if (length != null && length != hashed.length) {
      throw new TimeStampRejected(
          FailInfo.BAD_DATA_FORMAT, "The hashedMessage is not as long as its algorithm's hashes");
    }
    return new Query(
        hash,
        hashed,
        req.getReqPolicy(),
        req.getNonce() == null ? null : req.getNonce().getValue(),
        req.getCertReq() != null && req.getCertReq().isTrue(),
        req.getExtensions() != null,
        new TimeStampRequest(req));
  }

  /**
   * A granted TimeStampResp: the token's TSTInfo echoes the imprint and nonce, states an accuracy
   * of one second and no ordering (§2.4.2), and its SignedData carries the unit's certificate and
   * issuers only when {@code certReq} asked for them.
   */
  public static byte[] granted(Query query, Stamp stamp, TsaUnit unit) {
    try {
      TimeStampToken token =
          unit.generators()
              .forPolicy(unit, stamp.policy())
              .generate(query.request(), stamp.serialNumber(), Date.from(stamp.genTime()), null);
      PKIStatusInfo granted = new PKIStatusInfo(PKIStatus.granted);
      return new TimeStampResp(granted, token.toCMSSignedData().toASN1Structure())
          .getEncoded(ASN1Encoding.DER);
    } catch (TSPException e) {
      throw new IllegalStateException("Cannot build a time-stamp token", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A TimeStampResp with status rejection, the failInfo bit and a statusString (§2.4.2). */
  public static byte[] rejection(FailInfo failInfo, String text) {
    PKIStatusInfo status =
        new PKIStatusInfo(
            PKIStatus.rejection, new PKIFreeText(text), new PKIFailureInfo(failureBit(failInfo)));
    try {
      return new TimeStampResp(status, null).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int failureBit(FailInfo failInfo) {
    return switch (failInfo) {
      case BAD_ALG -> PKIFailureInfo.badAlg;
      case BAD_REQUEST -> PKIFailureInfo.badRequest;
      case BAD_DATA_FORMAT -> PKIFailureInfo.badDataFormat;
      case TIME_NOT_AVAILABLE -> PKIFailureInfo.timeNotAvailable;
      case UNACCEPTED_POLICY -> PKIFailureInfo.unacceptedPolicy;
      case UNACCEPTED_EXTENSION -> PKIFailureInfo.unacceptedExtension;
      case SYSTEM_FAILURE -> PKIFailureInfo.systemFailure;
    };
  }
}
