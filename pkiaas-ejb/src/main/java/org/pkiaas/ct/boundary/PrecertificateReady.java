package org.pkiaas.ct.boundary;

import jakarta.ejb.ApplicationException;
import java.io.Serial;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.problem.Unfinished;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * Not an error: the issuing transaction has signed a precertificate and stops there, rolled back,
 * so that {@link LoggedIssuance} can wait for the logs with no transaction open and then run the
 * channel's transaction again with the SCTs in hand.
 */
@ApplicationException(rollback = true)
public class PrecertificateReady extends RuntimeException implements Unfinished {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * What the logs are asked about, and the serial and time the final certificate must repeat so
   * that its TBS is the precertificate's (RFC 6962 §3.1).
   *
   * @param issuers the issuing CA's certificate and those above it, DER, nearest first
   * @param channel the issuance channel the request came through, for the record of a failure
   * @param built what the issuing round built the precertificate from, handed back to the issuer in
   *     the next round (opaque here; null when there is nothing to reuse)
   */
  public record Pending(
      TemplateSettings.CertificateTransparency settings,
      X509CertificateHolder precertificate,
      X509CertificateHolder issuer,
      List<byte[]> issuers,
      String caId,
      String templateId,
      String requestId,
      String channel,
      BigInteger serial,
      Instant now,
      Object built) {}

  private final transient Pending pending;

  public PrecertificateReady(Pending pending) {
    super(
        "Precertificate " + pending.serial().toString(16) + " awaits its SCTs", null, false, false);
    this.pending = pending;
  }

  public Pending pending() {
    return pending;
  }
}
