package org.pkiaas.scep.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.random.Randomness;
import org.pkiaas.scep.boundary.ScepTemplates.ScepTemplate;
import org.pkiaas.scep.entity.ScepChallenge;
import org.pkiaas.scep.entity.ScepSecret;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.tenant.control.PasswordHasher;

/**
 * One-time challenge passwords in the manner of Microsoft NDES (user guide 6.3): handed out by the
 * template's mscep_admin page to a signed-in owner or to Basic authentication with the template's
 * NDES credentials, valid once for 60 minutes, at most {@value #CACHE} outstanding per template (as
 * NDES's PasswordMax), 8 random bytes as 16 uppercase hex characters (its PasswordLength).
 */
@Stateless
public class NdesChallenges {

  static final int CACHE = 5;
  static final Duration VALIDITY = Duration.ofMinutes(60);
  private static final int PASSWORD_BYTES = 8;

  @PersistenceContext EntityManager em;

  @Inject ScepTemplates scepTemplates;

  @Inject Templates templates;

  @Inject AuditLog auditLog;

  /** What the mscep_admin page shows. */
  public sealed interface Page {}

  /** A new password, and the CA certificate's MD5 thumbprint as NDES prints it. */
  public record Password(String password, String caThumbprint) implements Page {}

  /** Every cached password is still outstanding. */
  public record CacheFull() implements Page {}

  /** The caller may not have passwords for this template. */
  public record NotAllowed(boolean basicOffered) implements Page {}

  /**
   * The page for a template: a fresh password when {@code caller} (a console session) owns the
   * template or {@code username}/{@code password} are its NDES Basic credentials.
   */
  public Page issue(
      String templateId, Caller caller, String username, String password, String clientAddress) {
    ScepTemplate scep = scepTemplates.open(templateId, clientAddress, true);
    if (!scep.template().settings().scep().ndes()) {
      throw NotFoundException.because("There is no NDES page here");
    }
    String actor = authorised(scep, caller, username, password);
    if (actor == null) {
      return new NotAllowed(scep.template().settings().scep().ndesBasicAuth());
    }
    Instant now = Instant.now();
    em.createNamedQuery("ScepChallenge.deleteExpired")
        .setParameter("templateId", templateId)
        .setParameter("now", now)
        .executeUpdate();
    long outstanding =
        em.createNamedQuery("ScepChallenge.outstanding", Long.class)
            .setParameter("templateId", templateId)
            .setParameter("now", now)
            .getSingleResult();
    if (outstanding >= CACHE) {
      return new CacheFull();
    }
    byte[] random = new byte[PASSWORD_BYTES];
    Randomness.current().nextBytes(random);
    String challenge = HexFormat.of().withUpperCase().formatHex(random);
    ScepChallenge stored = new ScepChallenge(templateId, challenge, null, now.plus(VALIDITY));
    em.persist(stored);
    auditLog.protocolAction(
        actor,
        "scep.ndes-challenge",
        "TEMPLATE",
        templateId,
        scep.ca().id(),
        "expires " + stored.expiresAt());
    return new Password(challenge, md5Thumbprint(scep.ca().certificate()));
  }

  /** Who may have a password: the actor for the audit log, or null. */
  private String authorised(ScepTemplate scep, Caller caller, String username, String password) {
    if (caller != null) {
      try {
        templates.get(caller, scep.template().id());
        return caller.username();
      } catch (NotFoundException e) {
        return null;
      }
    }
    if (!scep.template().settings().scep().ndesBasicAuth() || username == null) {
      return null;
    }
    ScepSecret secret = em.find(ScepSecret.class, scep.template().id());
    boolean good =
        secret != null
            && secret.ndesUsername() != null
            && MessageDigest.isEqual(
                secret.ndesUsername().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                username.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            && PasswordHasher.verify(password == null ? "" : password, secret.ndesPasswordHash());
    return good ? "ndes:" + username : null;
  }

  /** NDES prints the CA certificate's MD5 in four groups of eight hex digits. */
  static String md5Thumbprint(byte[] certificate) {
    try {
      String hex =
          HexFormat.of()
              .withUpperCase()
              .formatHex(
                  MessageDigest.getInstance("MD5", BouncyCastle.PROVIDER).digest(certificate));
      return String.join(
          " ", hex.substring(0, 8), hex.substring(8, 16), hex.substring(16, 24), hex.substring(24));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
