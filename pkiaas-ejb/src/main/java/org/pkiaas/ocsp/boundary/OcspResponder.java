package org.pkiaas.ocsp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.pkiaas.certificate.entity.RevocationReason;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.ocsp.control.KnownStatus;
import org.pkiaas.ocsp.control.MalformedOcspRequestException;
import org.pkiaas.ocsp.control.OcspCache;
import org.pkiaas.ocsp.control.OcspCodec;
import org.pkiaas.ocsp.control.OcspCodec.BasicResponse;
import org.pkiaas.ocsp.control.OcspCodec.CertStatus;
import org.pkiaas.ocsp.control.OcspCodec.Good;
import org.pkiaas.ocsp.control.OcspCodec.OcspRequest;
import org.pkiaas.ocsp.control.OcspCodec.ResponseStatus;
import org.pkiaas.ocsp.control.OcspCodec.Revoked;
import org.pkiaas.ocsp.control.OcspCodec.SingleAnswer;
import org.pkiaas.ocsp.control.OcspCodec.Unknown;
import org.pkiaas.ocsp.control.Responder;
import org.pkiaas.ocsp.control.Responders;
import org.pkiaas.ocsp.control.StatusLookup;
import org.pkiaas.problem.DatabaseOutage;
import org.pkiaas.problem.Incidents;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.problem.WriteConflict;
import org.pkiaas.x509.SerialNumbers;

/**
 * The OCSP responder of every CA (RFC 6960, with the RFC 5019 lightweight profile and RFC 8954
 * nonces): it decides, {@link OcspCodec} decodes and encodes. Answers are signed by the CA's
 * delegated responder; a request is answered for this CA only: a CertID naming another issuer gets
 * {@code unauthorized} (§2.3), a serial this CA never issued gets {@code unknown} (§2.2), never
 * {@code good}. Responses to one-certificate requests without a nonce are cached until half their
 * validity has passed.
 */
@ApplicationScoped
public class OcspResponder {

  private static final Logger LOG = Logger.getLogger(OcspResponder.class.getName());

  /** Larger requests are refused as malformed. */
  public static final int MAX_REQUEST_BYTES = OcspCodec.MAX_REQUEST_BYTES;

  @Inject Responders responders;

  @Inject StatusLookup lookup;

  @Inject OcspCache cache;

  @Inject PkiaasConfig config;

  @Inject PkiMetrics metrics;

  /**
   * Answers one DER OCSPRequest for the CA; never throws for anything a client sends. While the
   * database is unreachable, what the cache cannot answer gets {@code tryLater} (RFC 6960 §2.3).
   */
  public OcspAnswer answer(String caId, byte[] requestDer) {
    long started = System.nanoTime();
    Outcome outcome = respond(caId, requestDer);
    metrics.ocspResponse(outcome.answer().status(), outcome.cached(), System.nanoTime() - started);
    return outcome.answer();
  }

  /** An answer, and whether it came from the cache. */
  private record Outcome(OcspAnswer answer, boolean cached) {

    static Outcome signed(OcspAnswer answer) {
      return new Outcome(answer, false);
    }
  }

  private Outcome respond(String caId, byte[] requestDer) {
    OcspRequest request;
    try {
      request = OcspCodec.decode(requestDer);
    } catch (MalformedOcspRequestException e) {
      return Outcome.signed(error(ResponseStatus.MALFORMED_REQUEST));
    }
    List<CertificateID> ids = request.certificateIds();
    try {
      Responder responder;
      try {
        responder = responders.forCa(caId);
      } catch (NotFoundException e) {
        return Outcome.signed(error(ResponseStatus.UNAUTHORIZED));
      }
      for (CertificateID id : ids) {
        if (!issuedBy(id, responder)) {
          return Outcome.signed(error(ResponseStatus.UNAUTHORIZED));
        }
      }
      if (request.nonce() == null && ids.size() == 1) {
        return single(caId, ids.get(0), responder);
      }
      return Outcome.signed(sign(responder, request.nonce(), Instant.now(), ids).answer);
    } catch (RuntimeException | OCSPException e) {
      // details in the log only; the database's absence is temporary, anything else is
      // internalError
      if (DatabaseOutage.isCause(e) || WriteConflict.isCause(e)) {
        Incidents.log(
            LOG,
            Level.WARNING,
            "OCSP for CA " + caId + " answered tryLater, database unreachable or busy",
            e);
        return Outcome.signed(error(ResponseStatus.TRY_LATER));
      }
      Incidents.log(LOG, Level.SEVERE, "OCSP response for CA " + caId + " failed", e);
      return Outcome.signed(error(ResponseStatus.INTERNAL_ERROR));
    }
  }

  /** A one-certificate request without a nonce: cached per certificate (RFC 5019 §2.2.1). */
  private Outcome single(String caId, CertificateID id, Responder responder) throws OCSPException {
    String serial = SerialNumbers.hex(id.getSerialNumber());
    String hash = id.getHashAlgOID().getId();
    Instant now = Instant.now();
    OcspAnswer cached = cache.response(caId, serial, hash);
    Duration half = config.ocspResponseValidity().dividedBy(2);
    if (cached != null && now.isBefore(cached.thisUpdate().plus(half))) {
      return new Outcome(cached, true);
    }
    long generation = cache.generation(caId);
    Signed signed = sign(responder, null, now, List.of(id));
    if (signed.allKnown) {
      cache.putResponse(caId, serial, hash, signed.answer, generation);
    }
    return Outcome.signed(signed.answer);
  }

  private record Signed(OcspAnswer answer, boolean allKnown) {}

  private Signed sign(Responder responder, byte[] nonce, Instant now, List<CertificateID> ids)
      throws OCSPException {
    Instant thisUpdate = now.truncatedTo(ChronoUnit.SECONDS);
    Instant nextUpdate = thisUpdate.plus(config.ocspResponseValidity());
    List<SingleAnswer> answers = new ArrayList<>(ids.size());
    for (CertificateID id : ids) {
      answers.add(new SingleAnswer(id, status(responder.caId(), id.getSerialNumber())));
    }
    boolean allKnown = answers.stream().noneMatch(a -> a.status() instanceof Unknown);
    byte[] der =
        OcspCodec.encode(new BasicResponse(answers, thisUpdate, nextUpdate, nonce), responder);
    String said = answers.size() == 1 ? said(answers.get(0).status()) : "several";
    return new Signed(new OcspAnswer(der, thisUpdate, nextUpdate, nonce != null, said), allKnown);
  }

  /** What a certificate status is called in RFC 6960 §2.2, for the metrics. */
  private static String said(CertStatus status) {
    return status instanceof Good ? "good" : status instanceof Unknown ? "unknown" : "revoked";
  }

  /**
   * good, revoked (with time and, unless unspecified, reason; on hold is certificateHold) or
   * unknown (RFC 6960 §2.2).
   */
  private CertStatus status(String caId, BigInteger serialNumber) {
    String serial = SerialNumbers.hex(serialNumber);
    KnownStatus known = cache.status(caId, serial);
    if (known == null) {
      long generation = cache.generation(caId);
      known = lookup.status(caId, serial);
      if (known == null) {
        return new Unknown();
      }
      cache.putStatus(caId, serial, known, generation);
    }
    return switch (known.status()) {
      case VALID -> new Good();
      case ON_HOLD -> new Revoked(known.revokedAt(), RevocationReason.CERTIFICATE_HOLD);
      case REVOKED ->
          new Revoked(
              known.revokedAt(),
              known.reason() == RevocationReason.UNSPECIFIED ? null : known.reason());
    };
  }

  /**
   * The CertID names this CA: same issuer name and key hashes under its hash algorithm (RFC 6960
   * §4.1.1).
   */
  private static boolean issuedBy(CertificateID id, Responder responder) {
    Responder.IssuerHashes hashes = responder.issuerHashes().get(id.getHashAlgOID());
    return hashes != null
        && Arrays.equals(hashes.nameHash(), id.getIssuerNameHash())
        && Arrays.equals(hashes.keyHash(), id.getIssuerKeyHash());
  }

  private static OcspAnswer error(ResponseStatus status) {
    String name =
        switch (status) {
          case MALFORMED_REQUEST -> "malformedRequest";
          case UNAUTHORIZED -> "unauthorized";
          case TRY_LATER -> "tryLater";
          case SIG_REQUIRED -> "sigRequired";
          default -> "internalError";
        };
    return new OcspAnswer(OcspCodec.error(status), null, null, false, name);
  }
}
