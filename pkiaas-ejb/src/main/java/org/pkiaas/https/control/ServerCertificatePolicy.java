package org.pkiaas.https.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * When the HTTPS listener's certificate, issued by one of the installation's own CAs, is issued
 * again: a pure function of what the listener serves, what the administrator chose and the time.
 * The certificate is renewed once two thirds of its lifetime are used, so a daily check always
 * leaves time for another attempt, and at once when anything it was issued from changed or was
 * revoked.
 */
public final class ServerCertificatePolicy {

  private ServerCertificatePolicy() {}

  /**
   * What the administrator chose (the template, and when they last asked for a new certificate) and
   * the names the server must answer for.
   */
  public record Wanted(String templateId, Set<String> names, Instant renewRequestedAt) {

    public Wanted {
      Objects.requireNonNull(templateId);
      names = Set.copyOf(names);
    }
  }

  /**
   * The certificate the listener serves from the issued key store, as the chosen CA's records know
   * it (one the chosen CA did not issue is no such certificate).
   *
   * @param templateId the template it was issued under (null when the template was deleted)
   * @param issuedAt when it was issued
   * @param chainCurrent whether the key store's chain still starts with the CA's current
   *     certificate
   * @param caCertificateRevoked whether the CA's own certificate was revoked by its issuer
   */
  public record Served(
      String templateId,
      Instant issuedAt,
      Instant notBefore,
      Instant notAfter,
      boolean revoked,
      Set<String> names,
      boolean chainCurrent,
      boolean caCertificateRevoked) {

    public Served {
      Objects.requireNonNull(issuedAt);
      Objects.requireNonNull(notBefore);
      Objects.requireNonNull(notAfter);
      names = Set.copyOf(names);
    }
  }

  /** What to do, and why (the reason goes into the log). */
  public enum Decision {
    KEEP(false),
    /** No issued key store yet, or it holds no certificate the chosen CA issued. */
    NONE(true),
    OTHER_TEMPLATE(true),
    OTHER_NAMES(true),
    REVOKED(true),
    CA_CERTIFICATE_CHANGED(true),
    CA_CERTIFICATE_REVOKED(true),
    /** Two thirds of its lifetime are used (or it expired). */
    DUE(true),
    /** An administrator asked for a new one after it was issued. */
    REQUESTED(true);

    private final boolean issue;

    Decision(boolean issue) {
      this.issue = issue;
    }

    public boolean issue() {
      return issue;
    }
  }

  /** Whether to issue a new certificate; {@code served} is null when none was found. */
  public static Decision decide(Wanted wanted, Served served, Instant now) {
    Objects.requireNonNull(wanted);
    Objects.requireNonNull(now);
    if (served == null) {
      return Decision.NONE;
    }
    if (!wanted.templateId().equals(served.templateId())) {
      return Decision.OTHER_TEMPLATE;
    }
    if (!wanted.names().equals(served.names())) {
      return Decision.OTHER_NAMES;
    }
    if (served.revoked()) {
      return Decision.REVOKED;
    }
    if (served.caCertificateRevoked()) {
      return Decision.CA_CERTIFICATE_REVOKED;
    }
    if (!served.chainCurrent()) {
      return Decision.CA_CERTIFICATE_CHANGED;
    }
    if (!now.isBefore(renewalTime(served.notBefore(), served.notAfter()))) {
      return Decision.DUE;
    }
    if (wanted.renewRequestedAt() != null
        && served.issuedAt().isBefore(wanted.renewRequestedAt())) {
      return Decision.REQUESTED;
    }
    return Decision.KEEP;
  }

  /** The instant two thirds of the way from notBefore to notAfter. */
  public static Instant renewalTime(Instant notBefore, Instant notAfter) {
    Duration lifetime = Duration.between(notBefore, notAfter);
    return notBefore.plus(lifetime.multipliedBy(2).dividedBy(3));
  }
}
