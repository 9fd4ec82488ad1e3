package org.pkiaas.issuance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.ct.boundary.CertificateTransparency;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.ct.boundary.PrecertificateReady;
import org.pkiaas.ct.control.Precertificates;
import org.pkiaas.issuance.boundary.CertificateIssued;
import org.pkiaas.issuance.boundary.IssuanceService;
import org.pkiaas.issuance.control.CertificateProfile.ToBeSigned;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.metrics.control.ThreadCpu;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.SerialNumbers;
import org.pkiaas.x509.SubjectAltNames;

/**
 * The signing half of the one issuance path ({@link IssuanceService}): template policy and profile,
 * a unique random serial, the CA's signer, and, for a template with CT logs, the precertificate and
 * its SCTs before the final signature ({@link CertificateTransparency}). It stores nothing; only
 * {@link IssuanceService} stores what it signs, so no channel can store a certificate any other
 * way.
 *
 * <p>A plain CDI bean, not an enterprise bean: it needs no transaction, and the one call, which
 * signs for every certificate outside any transaction, pays no container invocation for it.
 */
@ApplicationScoped
public class CertificateSigning {

  private static final Logger LOG = Logger.getLogger(CertificateSigning.class.getName());

  @Inject CaSigners signers;

  @Inject PkiaasConfig config;

  @Inject LoggedIssuance logged;

  @Inject PkiMetrics metrics;

  /**
   * Decides, builds and signs what the intake policy approves of {@code intake} under {@code
   * template}, and stores nothing. The certificate it returns must not leave the server before
   * {@link IssuanceService#record} or {@link IssuanceService#recordAll} has stored it.
   *
   * <p>Reads and writes nothing, and needs no transaction (a CT attempt that fails is recorded in a
   * transaction of its own, {@code CtAttempts}).
   *
   * @return the certificate, not yet persisted, as the event that stores it will announce it
   */
  public CertificateIssued sign(
      CertificateAuthority ca,
      CertificateTemplate template,
      Intake intake,
      String requestId,
      String issuedBy) {
    ca.requireIssuing();
    // a CA key on an IoT-HSM device that is offline fails here, before anything is built or stored
    signers.forKey(ca.signingKey()).requireReachable();
    TemplateSettings settings = template.settings();
    if (!settings.general().enabled()) {
      throw new ConflictException("The template '" + template.name() + "' is disabled");
    }
    if (!Instant.now().isBefore(ca.notAfter())) {
      throw new ConflictException("The CA's certificate has expired");
    }
    CertificateProfile.Issuer issuer =
        new CertificateProfile.Issuer(
            ca.id(),
            Der.issuerCertificate(ca.certificate()),
            ca.notAfter(),
            ca.keySpec(),
            ca.signatureAlgorithm(),
            config.pkiUrl(),
            ca.cpsUrl());
    // the second round of a CT issuance repeats the first's serial and time (LoggedIssuance)
    LoggedIssuance.Answered answered = LoggedIssuance.answered();
    if (answered != null && !answered.answers(ca.id(), template.id())) {
      answered = null;
    }
    // 127 random bits, not looked up first: two alike among 2^40 certificates has odds of 2^-48;
    // the unique key (ca_id, serial_number) refuses a repeat and rolls the issuance back
    BigInteger serial = answered == null ? SerialNumbers.random() : answered.pending().serial();
    Instant now = answered == null ? Instant.now() : answered.pending().now();
    Built built = new Built(settings, issuer, intake);
    ToBeSigned reused = answered == null ? null : built.takenFrom(answered.pending());
    ToBeSigned tbs = reused;
    if (tbs == null) {
      ApprovedContent content = IntakePolicy.approve(settings, issuer.certificate(), intake);
      tbs =
          CertificateProfile.build(
              settings, issuer, intake.request().publicKey(), content, serial, now);
    }
    CertificateTransparency.Embedding ct =
        settings.certificateTransparency().enabled()
            ? precertify(
                ca,
                template,
                tbs,
                new Round(issuer.certificate(), requestId, intake.channel(), serial, now),
                answered,
                reused != null ? null : built)
            : null;
    X509CertificateHolder certificate =
        tbs.builder()
            .build(signers.forKey(ca.signingKey()).contentSigner(tbs.signatureAlgorithm()));
    IssuedCertificate issued =
        new IssuedCertificate(
            ca.id(),
            template.id(),
            requestId,
            SerialNumbers.hex(serial),
            tbs.subject().toString(),
            SubjectAltNames.written(tbs.subjectAltNames()),
            tbs.notBefore(),
            tbs.notAfter(),
            certificate,
            settings.basicConstraints().ca()
                ? CertificatePurpose.SUBORDINATE_CA
                : CertificatePurpose.END_ENTITY);
    if (ct != null) {
      issued.keepPrecertificate(ct.precertificate());
    }
    return new CertificateIssued(issued, issuedBy, intake.channel(), ca.ownerId());
  }

  private record Round(
      X509CertificateHolder issuer,
      String requestId,
      Channel channel,
      BigInteger serial,
      Instant now) {}

  /**
   * What a precertificate was built from, handed from the round that signed it to the next round of
   * the same {@link LoggedIssuance#run} ({@link PrecertificateReady.Pending#built()}). That round
   * takes the precertificate's TBS, poison included, instead of approving and building it again
   * when it decides on equal template settings, issuer and intake: the intake policy and the
   * profile are pure functions of those, the serial and the time, which the round repeats, so they
   * would build the very TBS the logs saw. Taken once, as the taker turns the poison into SCTs.
   */
  static final class Built {
    private final TemplateSettings settings;
    private final CertificateProfile.Issuer issuer;
    private final Intake intake;
    private ToBeSigned tbs;

    Built(TemplateSettings settings, CertificateProfile.Issuer issuer, Intake intake) {
      this.settings = settings;
      this.issuer = issuer;
      this.intake = intake;
    }

    /** Keeps the TBS, poison included, that the precertificate was signed over. */
    void keep(ToBeSigned precertificateTbs) {
      tbs = precertificateTbs;
    }

    /** The TBS of {@code pending} if it was built from what this round has, else null. */
    ToBeSigned takenFrom(PrecertificateReady.Pending pending) {
      if (!(pending.built() instanceof Built earlier) || earlier.tbs == null) {
        return null;
      }
      String changed =
          !earlier.settings.equals(settings)
              ? "template settings"
              : !earlier.issuer.equals(issuer)
                  ? "issuer"
                  : !earlier.intake.equals(intake) ? "intake" : null;
      if (changed != null) {
        LOG.info(
            () ->
                "Precertificate "
                    + pending.serial().toString(16)
                    + ": its "
                    + changed
                    + " changed while the CT logs were answering; its TBS is built again");
        return null;
      }
      ToBeSigned taken = earlier.tbs;
      earlier.tbs = null;
      return taken;
    }
  }

  /**
   * RFC 6962 §3.1: signs the precertificate (the same TBS with the critical poison extension last),
   * has the template's logs answer for it, and swaps the poison for the SCT list, so the final
   * certificate's TBS minus that extension is the precertificate's minus the poison: same serial,
   * same extensions in the same order.
   *
   * <p>{@link LoggedIssuance#embed} asks the logs here, inside the caller's transaction, while few
   * enough transactions wait on logs; else between two rounds of it: the first ends here with
   * {@link PrecertificateReady}; the second finds the answers and uses them only for the very TBS
   * the logs saw: the precertificate's own, taken from the first round ({@link Built}), or one it
   * built again and compared.
   *
   * @param built what {@code tbs} was built from; null when {@code tbs} is the precertificate's,
   *     taken from the previous round with its poison
   */
  private CertificateTransparency.Embedding precertify(
      CertificateAuthority ca,
      CertificateTemplate template,
      ToBeSigned tbs,
      Round round,
      LoggedIssuance.Answered answered,
      Built built) {
    if (built != null) {
      addExtension(tbs, Precertificates.poison());
    }
    CertificateTransparency.Embedding embedding = null;
    if (answered != null
        && (built == null
            || answered.sameTbs(
                Precertificates.unsignedTbs(
                    tbs.builder(), answered.pending().precertificate().getSignatureAlgorithm())))) {
      if (answered.failure() != null) {
        throw answered.failure();
      }
      embedding = answered.embedding();
    }
    if (embedding == null) {
      built.keep(tbs);
      long cpu = ThreadCpu.nanos();
      X509CertificateHolder precertificate =
          tbs.builder()
              .build(signers.forKey(ca.signingKey()).contentSigner(tbs.signatureAlgorithm()));
      metrics.ctWork(PkiMetrics.CtStep.PRECERTIFICATE, ThreadCpu.since(cpu));
      PrecertificateReady.Pending pending =
          new PrecertificateReady.Pending(
              template.settings().certificateTransparency(),
              precertificate,
              round.issuer(),
              issuers(ca),
              ca.id(),
              template.id(),
              round.requestId(),
              round.channel().name(),
              round.serial(),
              round.now(),
              built);
      embedding = logged.embed(pending);
    }
    tbs.builder().removeExtension(Precertificates.POISON);
    addExtension(tbs, embedding.sctList());
    return embedding;
  }

  private static List<byte[]> issuers(CertificateAuthority ca) {
    List<byte[]> issuers = new ArrayList<>();
    issuers.add(ca.certificate());
    if (ca.chainPem() != null && !ca.chainPem().isBlank()) {
      Pem.certificates("chain", ca.chainPem()).forEach(c -> issuers.add(Der.encoded(c)));
    }
    return issuers;
  }

  private static void addExtension(ToBeSigned tbs, org.bouncycastle.asn1.x509.Extension extension) {
    try {
      tbs.builder().addExtension(extension);
    } catch (org.bouncycastle.cert.CertIOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
