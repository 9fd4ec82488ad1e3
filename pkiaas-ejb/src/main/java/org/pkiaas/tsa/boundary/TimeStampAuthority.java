package org.pkiaas.tsa.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.problem.Incidents;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.tenant.boundary.AnonymousRateLimits;
import org.pkiaas.tenant.boundary.RateLimit;
import org.pkiaas.tsa.control.AuthenticodeCodec;
import org.pkiaas.tsa.control.TimeStampCodec;
import org.pkiaas.tsa.control.TimeStampCodec.Query;
import org.pkiaas.tsa.control.TimeStampCodec.Stamp;
import org.pkiaas.tsa.control.TimestampRecords;
import org.pkiaas.tsa.control.TimestampingSettings;
import org.pkiaas.tsa.control.TsaUnit;
import org.pkiaas.tsa.control.TsaUnits;
import org.pkiaas.tsa.entity.TimestampToken;
import org.pkiaas.x509.SerialNumbers;

/**
 * The time-stamp authority of every active CA (RFC 3161, and Microsoft's legacy Authenticode
 * protocol): it decides, {@link TimeStampCodec} and {@link AuthenticodeCodec} decode and encode.
 * Tokens are signed by the CA's time-stamping unit, over SHA-2 or SHA-3 imprints only (anything
 * else is {@code badAlg}), under the CA's default policy or another it accepts ({@code
 * unacceptedPolicy} for any other), with a random serial of at least 64 bits, genTime from this
 * server's clock and an accuracy of one second. Request extensions are refused ({@code
 * unacceptedExtension}, §2.4.1). Each granted stamp is recorded (unless turned off) before it is
 * returned, in a group with the stamps granted meanwhile ({@link TimestampRecords}). Runs outside a
 * transaction: the unit certificate and the record each commit on their own, so a failure is a
 * {@code systemFailure} rejection, never an exception.
 */
@ApplicationScoped
public class TimeStampAuthority {

  private static final Logger LOG = Logger.getLogger(TimeStampAuthority.class.getName());

  /** The imprint hashes accepted: SHA-2 of 256 bits or more and SHA-3. */
  static final Set<ASN1ObjectIdentifier> ACCEPTED_HASHES =
      Set.of(
          NISTObjectIdentifiers.id_sha256,
          NISTObjectIdentifiers.id_sha384,
          NISTObjectIdentifiers.id_sha512,
          NISTObjectIdentifiers.id_sha3_256,
          NISTObjectIdentifiers.id_sha3_384,
          NISTObjectIdentifiers.id_sha3_512);

  @Inject TsaUnits units;

  @Inject TimestampRecords records;

  @Inject TimestampingSettings settings;

  @Inject AnonymousRateLimits limits;

  @Inject PkiMetrics metrics;

  /**
   * The TimeStampResp answering a DER TimeStampReq for the CA: granted, or a rejection with its
   * failInfo. An unknown or inactive CA is not found; a client over its rate limit is throttled.
   */
  public byte[] rfc3161(String caId, byte[] der, String clientAddress) {
    limits.admit(RateLimit.Kind.TIMESTAMP, clientAddress);
    try {
      TsaUnit unit = unit(caId);
      Query query = TimeStampCodec.decode(der);
      ASN1ObjectIdentifier policy = policy(query, unit);
      Stamp stamp = new Stamp(policy, SerialNumbers.random(), now());
      byte[] granted = TimeStampCodec.granted(query, stamp, unit);
      record(
          stamp,
          caId,
          TimestampToken.Protocol.RFC3161,
          query.hashAlgorithm(),
          query.hashedMessage(),
          clientAddress);
      metrics.timestamp("granted");
      return granted;
    } catch (TimeStampRejected e) {
      metrics.timestamp("rejected");
      return TimeStampCodec.rejection(e.failInfo(), e.getMessage());
    } catch (NotFoundException e) {
      throw e;
    } catch (RuntimeException e) {
      Incidents.log(LOG, Level.SEVERE, "Time stamp for CA " + caId + " failed", e);
      metrics.timestamp("failed");
      return TimeStampCodec.rejection(FailInfo.SYSTEM_FAILURE, "The time stamp failed; try again");
    }
  }

  /**
   * The base64 SignedData answering an Authenticode request for the CA. An unknown or inactive CA
   * is not found; a client over its rate limit is throttled.
   *
   * @throws TimeStampRejected when the request is not one, or the stamp failed
   */
  public byte[] authenticode(String caId, byte[] body, String clientAddress)
      throws TimeStampRejected {
    limits.admit(RateLimit.Kind.TIMESTAMP, clientAddress);
    try {
      TsaUnit unit = unit(caId);
      byte[] signature = AuthenticodeCodec.decode(body);
      Instant now = now();
      byte[] reply = AuthenticodeCodec.encode(signature, now, unit);
      record(
          new Stamp(null, SerialNumbers.random(), now),
          caId,
          TimestampToken.Protocol.AUTHENTICODE,
          NISTObjectIdentifiers.id_sha256,
          sha256(signature),
          clientAddress);
      metrics.timestamp("granted");
      return reply;
    } catch (TimeStampRejected e) {
      metrics.timestamp("rejected");
      throw e;
    } catch (NotFoundException e) {
      throw e;
    } catch (RuntimeException e) {
      Incidents.log(LOG, Level.SEVERE, "Authenticode time stamp for CA " + caId + " failed", e);
      metrics.timestamp("failed");
      throw new TimeStampRejected(FailInfo.SYSTEM_FAILURE, "The time stamp failed; try again");
    }
  }

  private TsaUnit unit(String caId) {
    return units.forCa(caId);
  }

  /** This server's clock, to the second: tokens state an accuracy of one second. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * The policy the token is granted under: the one requested when the CA accepts it, else the CA's
   * default (§2.4.1).
   */
  private static ASN1ObjectIdentifier policy(Query query, TsaUnit unit) throws TimeStampRejected {
    if (!ACCEPTED_HASHES.contains(query.hashAlgorithm())) {
      throw new TimeStampRejected(
          FailInfo.BAD_ALG, "Hash the data with SHA-256, SHA-384, SHA-512 or SHA-3");
    }
    if (query.hasExtensions()) {
      throw new TimeStampRejected(
          FailInfo.UNACCEPTED_EXTENSION, "This TSA accepts no request extensions");
    }
    return unit.policies().grant(query.requestedPolicy());
  }

  private void record(
      Stamp stamp,
      String caId,
      TimestampToken.Protocol protocol,
      ASN1ObjectIdentifier hash,
      byte[] imprint,
      String clientAddress) {
    if (!settings.recordTokens()) {
      return;
    }
    records.record(
        new TimestampToken(
            SerialNumbers.hex(stamp.serialNumber()),
            caId,
            protocol,
            stamp.genTime(),
            hash.getId(),
            HexFormat.of().formatHex(imprint),
            stamp.policy() == null ? null : stamp.policy().getId(),
            clientAddress));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256", BouncyCastle.PROVIDER).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
