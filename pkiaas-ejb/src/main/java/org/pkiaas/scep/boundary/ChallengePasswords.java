package org.pkiaas.scep.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.stream.Stream;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.issuance.control.Evidence;
import org.pkiaas.scep.boundary.ScepTemplates.ScepTemplate;
import org.pkiaas.scep.control.FailInfo;
import org.pkiaas.scep.control.PkiMessage;
import org.pkiaas.scep.control.ScepFailure;
import org.pkiaas.scep.entity.ScepChallenge;
import org.pkiaas.scep.entity.ScepSecret;

/**
 * What a PKCSReq's challengePassword proves under its template's SCEP settings (user guide 6.1.3):
 * the static passphrase, a challenge bound to a pre-approved request (an Apple profile's), an
 * outstanding NDES one-time password (used up here), or, with Intune validation, Intune's approval
 * of the whole CSR. Runs in the enrollment's transaction ({@link ScepEnrollments#enroll}), so a
 * one-time password used by a refused enrollment is not used up.
 */
@ApplicationScoped
public class ChallengePasswords {

  /** The kind of {@link Evidence.SharedSecret} that Intune's approval gives. */
  static final String INTUNE = "intune";

  @PersistenceContext EntityManager em;

  @Inject IntuneValidation intuneValidation;

  /** The static passphrase's evidence when the template has one and {@code password} is it. */
  public Evidence staticPassphrase(ScepTemplate scep, String password) {
    if (password == null || !scep.template().settings().scep().staticPassphrase()) {
      return null;
    }
    ScepSecret secret = em.find(ScepSecret.class, scep.template().id());
    return secret != null && secret.passphraseMatches(password)
        ? new Evidence.SharedSecret("static-passphrase")
        : null;
  }

  /** The template's live challenge {@code password} bound to a pre-approved request, or null. */
  public ScepChallenge bound(ScepTemplate scep, String password) {
    return password == null
        ? null
        : outstanding(scep, password).filter(c -> c.requestId() != null).findFirst().orElse(null);
  }

  /**
   * What the challenge password proves under this template's SCEP settings (guide 6.1.3) when it is
   * not the static passphrase ({@link #staticPassphrase}): an outstanding one-time password, or,
   * with Intune validation, Intune's approval of the whole CSR (the challenge is Intune's own,
   * which only Intune can check).
   */
  public Evidence evidence(
      ScepTemplate scep, PkiMessage message, PKCS10CertificationRequest csr, String password) {
    if (password == null) {
      throw new ScepFailure(FailInfo.BAD_REQUEST, "The CSR carries no challengePassword");
    }
    if (scep.template().settings().scep().ndes() && useOneTimePassword(scep, password)) {
      return new Evidence.SharedSecret("ndes-one-time-password");
    }
    if (scep.template().settings().scep().intune()) {
      intuneValidation.validate(scep, message.transactionId(), CsrReader.der(csr));
      return new Evidence.SharedSecret(INTUNE);
    }
    throw new ScepFailure(FailInfo.BAD_REQUEST, "The challenge password is not accepted");
  }

  /**
   * Uses up an outstanding one-time password of the template (not one bound to a pre-approved
   * request); the delete decides between concurrent uses, so it works once.
   */
  private boolean useOneTimePassword(ScepTemplate scep, String password) {
    return outstanding(scep, password)
        .filter(c -> c.requestId() == null)
        .findFirst()
        .map(
            c ->
                em.createNamedQuery("ScepChallenge.use").setParameter("id", c.id()).executeUpdate()
                    == 1)
        .orElse(false);
  }

  /** The template's unexpired, unused challenges whose hash is {@code password}'s. */
  private Stream<ScepChallenge> outstanding(ScepTemplate scep, String password) {
    return em.createNamedQuery("ScepChallenge.byHash", ScepChallenge.class)
        .setParameter("templateId", scep.template().id())
        .setParameter("hash", ScepChallenge.hash(password))
        .setParameter("now", Instant.now())
        .getResultStream();
  }
}
