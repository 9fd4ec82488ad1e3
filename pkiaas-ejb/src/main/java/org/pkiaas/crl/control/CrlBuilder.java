package org.pkiaas.crl.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.crl.boundary.CrlDocument;
import org.pkiaas.crl.entity.PublishedCrl;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.KeyIdentifiers;

/**
 * Builds and signs a CA's CRLs (RFC 5280 §5): the complete CRL, stored for every node, and delta
 * CRLs (§5.2.4) on top of it. Each build runs in a transaction of its own; the CRL number is taken
 * before the entries are read, and the revision before that, so a change that races a build makes
 * the result stale rather than lost.
 */
@Stateless
public class CrlBuilder {

  private static final Logger LOG = Logger.getLogger(CrlBuilder.class.getName());

  /**
   * Changes this close before a base CRL's read time are repeated in its deltas: a safety margin
   * for commits in flight.
   */
  static final Duration DELTA_OVERLAP = Duration.ofMinutes(10);

  @Inject CrlStates states;

  @Inject RevokedEntries entries;

  @Inject CaSigners signers;

  @Inject PkiaasConfig config;

  @Inject PkiMetrics metrics;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public CrlDocument buildComplete(String caId) {
    long started = System.nanoTime();
    CrlStates.Status status = states.status(caId);
    CertificateAuthority ca = status.ca();
    long number = states.nextNumber(caId);
    Instant thisUpdate = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant nextUpdate = thisUpdate.plus(ca.crlValidityDays(), ChronoUnit.DAYS);
    CrlEncoder encoder = new CrlEncoder();
    entries.complete(caId, encoder);
    long read = System.nanoTime();
    X509CertificateHolder caCertificate = Der.certificate(ca.certificate());
    List<Extension> extensions = common(caCertificate, number);
    extensions.add(
        new Extension(
            Extension.freshestCRL, false, Der.encoded(distributionPoint(deltaUrl(caId)))));
    ChunkedBytes der =
        encoder.finish(
            signers.forKey(ca.signingKey()).contentSigner(),
            caCertificate.getSubject(),
            thisUpdate,
            nextUpdate,
            new Extensions(extensions.toArray(Extension[]::new)));
    long signed = System.nanoTime();
    PublishedCrl published =
        new PublishedCrl(
            caId,
            number,
            status.revision(),
            encoder.count(),
            thisUpdate,
            nextUpdate,
            thisUpdate,
            der.size(),
            der.blocks().size());
    states.store(published, der);
    long stored = System.nanoTime();
    metrics.crlBuilt(caId, false, Duration.ofNanos(stored - started), der.size());
    LOG.info(
        () ->
            String.format(
                "CRL %d of CA %s: %d entries, %d bytes, built in %d ms (read and encode %d ms, sign %d ms,"
                    + " store %d ms)",
                number,
                caId,
                encoder.count(),
                der.size(),
                (stored - started) / 1_000_000,
                (read - started) / 1_000_000,
                (signed - read) / 1_000_000,
                (stored - signed) / 1_000_000));
    return new CrlDocument(
        caId, number, null, status.revision(), encoder.count(), thisUpdate, nextUpdate, der);
  }

  /**
   * A delta CRL of the changes since {@code base} was read (its thisUpdate); valid no longer than
   * its base.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public CrlDocument buildDelta(String caId, CrlDocument base) {
    long started = System.nanoTime();
    CrlStates.Status status = states.status(caId);
    CertificateAuthority ca = status.ca();
    long number = states.nextNumber(caId);
    Instant thisUpdate = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant nextUpdate = thisUpdate.plus(config.deltaCrlValidity());
    if (nextUpdate.isAfter(base.nextUpdate())) {
      nextUpdate = base.nextUpdate();
    }
    CrlEncoder encoder = new CrlEncoder();
    entries.changedSince(caId, base.thisUpdate().minus(DELTA_OVERLAP), encoder);
    X509CertificateHolder caCertificate = Der.certificate(ca.certificate());
    List<Extension> extensions = common(caCertificate, number);
    extensions.add(
        new Extension(
            Extension.deltaCRLIndicator, true, Der.encoded(new ASN1Integer(base.number()))));
    ChunkedBytes der =
        encoder.finish(
            signers.forKey(ca.signingKey()).contentSigner(),
            caCertificate.getSubject(),
            thisUpdate,
            nextUpdate,
            new Extensions(extensions.toArray(Extension[]::new)));
    metrics.crlBuilt(caId, true, Duration.ofNanos(System.nanoTime() - started), der.size());
    return new CrlDocument(
        caId,
        number,
        base.number(),
        status.revision(),
        encoder.count(),
        thisUpdate,
        nextUpdate,
        der);
  }

  /**
   * The delta CRL's address, as the complete CRL's and the certificates' Freshest CRL extension
   * name it.
   */
  public String deltaUrl(String caId) {
    return config.pkiUrl() + "/pki/crl/" + caId + "-delta.crl";
  }

  /** authorityKeyIdentifier (§5.2.1) and cRLNumber (§5.2.3), both in every CRL. */
  private static List<Extension> common(X509CertificateHolder caCertificate, long number) {
    List<Extension> extensions = new ArrayList<>();
    extensions.add(
        new Extension(
            Extension.authorityKeyIdentifier,
            false,
            Der.encoded(KeyIdentifiers.authority(caCertificate))));
    extensions.add(
        new Extension(
            Extension.cRLNumber, false, Der.encoded(new ASN1Integer(BigInteger.valueOf(number)))));
    return extensions;
  }

  private static CRLDistPoint distributionPoint(String url) {
    DistributionPointName name =
        new DistributionPointName(
            new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url)));
    return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)});
  }
}
