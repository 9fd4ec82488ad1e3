package org.pkiaas.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The product's settings, read through MicroProfile Config: each key may be given as a system
 * property ({@code pkiaas.public.url}) or an environment variable ({@code PKIAAS_PUBLIC_URL}).
 * docs/operator-guide.md lists them.
 */
@ApplicationScoped
public class PkiaasConfig {

  @Inject
  @ConfigProperty(name = "pkiaas.public.url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "pkiaas.pki.url")
  Optional<String> pkiUrl;

  @Inject
  @ConfigProperty(name = "pkiaas.signup.enabled", defaultValue = "false")
  boolean signupEnabledByDefault;

  @Inject
  @ConfigProperty(name = "pkiaas.admin.user", defaultValue = "admin")
  String adminUser;

  @Inject
  @ConfigProperty(name = "pkiaas.admin.password")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "pkiaas.master.key")
  Optional<String> masterKey;

  @Inject
  @ConfigProperty(name = "pkiaas.master.key.file")
  Optional<String> masterKeyFile;

  @Inject
  @ConfigProperty(name = "pkiaas.ocsp.responder.validity.days", defaultValue = "90")
  int responderValidityDays;

  @Inject
  @ConfigProperty(name = "pkiaas.scep.ra.validity.days", defaultValue = "365")
  int scepRaValidityDays;

  @Inject
  @ConfigProperty(name = "pkiaas.claim.validity.days", defaultValue = "7")
  int claimValidityDays;

  @Inject
  @ConfigProperty(name = "pkiaas.crl.delta.validity.hours", defaultValue = "24")
  int deltaCrlValidityHours;

  @Inject
  @ConfigProperty(name = "pkiaas.ocsp.response.validity.hours", defaultValue = "24")
  int ocspResponseValidityHours;

  @Inject
  @ConfigProperty(name = "pkiaas.jobs.timers.enabled", defaultValue = "true")
  boolean jobTimersEnabled;

  @Inject
  @ConfigProperty(name = "pkiaas.jobs.crl-regeneration.interval.minutes", defaultValue = "15")
  int crlRegenerationIntervalMinutes;

  @Inject
  @ConfigProperty(name = "pkiaas.jobs.crl-regeneration.margin.hours", defaultValue = "72")
  int crlRegenerationMarginHours;

  @Inject
  @ConfigProperty(name = "pkiaas.acme.http01.port", defaultValue = "80")
  int acmeHttp01Port;

  @Inject
  @ConfigProperty(name = "pkiaas.acme.tlsalpn01.port", defaultValue = "443")
  int acmeTlsAlpn01Port;

  @Inject
  @ConfigProperty(name = "pkiaas.acme.dns.resolver")
  Optional<String> acmeDnsResolver;

  @Inject
  @ConfigProperty(name = "pkiaas.acme.validation.threads", defaultValue = "4")
  int acmeValidationThreads;

  @Inject
  @ConfigProperty(name = "pkiaas.ct.transactions-waiting", defaultValue = "16")
  int ctTransactionsWaiting;

  @Inject
  @ConfigProperty(name = "pkiaas.acme.validation.queue.per-account", defaultValue = "100")
  int acmeValidationQueuePerAccount;

  @Inject
  @ConfigProperty(name = "pkiaas.acme.validation.queue.total", defaultValue = "5000")
  int acmeValidationQueueTotal;

  @Inject RateLimitSettings rateLimits;

  @Inject
  @ConfigProperty(name = "pkiaas.acme.validation.claim.seconds", defaultValue = "180")
  int acmeValidationClaimSeconds;

  @Inject
  @ConfigProperty(name = "pkiaas.acme.validation.recovery.seconds", defaultValue = "60")
  int acmeValidationRecoverySeconds;

  /** How many threads validate ACME challenges on this node (a pool of validation's own). */
  public int acmeValidationThreads() {
    return Math.max(1, acmeValidationThreads);
  }

  /**
   * How many issuing transactions of this node may wait on CT logs at once, each holding its
   * database connection; 0: none, every CT issuance asks the logs between two rounds of its
   * transaction.
   */
  public int ctTransactionsWaiting() {
    return Math.max(0, ctTransactionsWaiting);
  }

  /** How many challenges of one ACME account may wait for validation on this node. */
  public int acmeValidationQueuePerAccount() {
    return Math.max(1, acmeValidationQueuePerAccount);
  }

  /**
   * How long a node's claim on a challenge it validates lasts without renewal; an older claim means
   * the node stopped, and another takes the challenge over.
   */
  public Duration acmeValidationClaim() {
    return Duration.ofSeconds(Math.max(5, acmeValidationClaimSeconds));
  }

  /** How often every node looks for challenges whose validating node stopped. */
  public Duration acmeValidationRecovery() {
    return Duration.ofSeconds(Math.max(1, acmeValidationRecoverySeconds));
  }

  /** How many challenges may wait for validation on this node, all accounts together. */
  public int acmeValidationQueueTotal() {
    return Math.max(1, acmeValidationQueueTotal);
  }

  /**
   * The per-account ACME limits ({@code pkiaas.rate-limits.acme.*}); all zero (no limit) when
   * {@code pkiaas.rate-limits.acme.enabled} is false.
   */
  public AcmeRateLimits acmeRateLimits() {
    return rateLimits.booleanValue("acme.enabled", true)
        ? new AcmeRateLimits(
            rateLimits.intValue("acme.new-orders.per-hour", 300),
            rateLimits.intValue("acme.pending-authorizations", 300),
            rateLimits.intValue("acme.failed-validations.per-hour", 60))
        : new AcmeRateLimits(0, 0, 0);
  }

  /**
   * Per ACME account: orders created in the last hour, authorizations pending at once, and orders
   * created in the last hour that validation made invalid; 0 means no limit.
   */
  public record AcmeRateLimits(
      int newOrdersPerHour, int pendingAuthorizations, int failedValidationsPerHour) {}

  /**
   * The port ACME http-01 validation connects to (RFC 8555 §8.3 says 80; tests and unusual networks
   * differ).
   */
  public int acmeHttp01Port() {
    return acmeHttp01Port;
  }

  /** The port ACME tls-alpn-01 validation connects to (RFC 8737 says 443). */
  public int acmeTlsAlpn01Port() {
    return acmeTlsAlpn01Port;
  }

  /**
   * The DNS server ({@code host:port}) every ACME validation lookup asks; empty: the system's
   * resolvers.
   */
  public Optional<String> acmeDnsResolver() {
    return acmeDnsResolver.filter(r -> !r.isBlank());
  }

  /** How long a delta CRL is valid (never longer than its base). */
  public Duration deltaCrlValidity() {
    return Duration.ofHours(deltaCrlValidityHours);
  }

  /** An OCSP response's nextUpdate, after its thisUpdate (RFC 6960 §4.2.2.1). */
  public Duration ocspResponseValidity() {
    return Duration.ofHours(ocspResponseValidityHours);
  }

  /**
   * Whether this node's timers start the batch jobs (one node suffices; the others then only
   * serve).
   */
  public boolean jobTimersEnabled() {
    return jobTimersEnabled;
  }

  /** How often the crl-regeneration job is started. */
  public Duration crlRegenerationInterval() {
    return Duration.ofMinutes(crlRegenerationIntervalMinutes);
  }

  /** A CRL whose nextUpdate is closer than this is rebuilt by the crl-regeneration job. */
  public Duration crlRegenerationMargin() {
    return Duration.ofHours(crlRegenerationMarginHours);
  }

  /** How long a claim link stays usable. */
  public int claimValidityDays() {
    return claimValidityDays;
  }

  /** The base URL written into certificates and shown as service URLs, without a trailing slash. */
  public String publicUrl() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** The plain HTTP base certificates name (AIA, CRL, OCSP, CPS); defaults to the public URL. */
  public String pkiUrl() {
    return pkiUrl
        .filter(url -> !url.isBlank())
        .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        .orElseGet(this::publicUrl);
  }

  public boolean signupEnabledByDefault() {
    return signupEnabledByDefault;
  }

  public String adminUser() {
    return adminUser;
  }

  public Optional<String> adminPassword() {
    return adminPassword.filter(p -> !p.isBlank());
  }

  /**
   * The master key itself (base64), when the operator supplies it, e.g. from a credential store.
   */
  public Optional<String> masterKey() {
    return masterKey.filter(k -> !k.isBlank());
  }

  /**
   * Where the generated master key lives when none is supplied: under the server's configuration
   * directory, never beside the embedded database, so that one copy of the data holds no key.
   */
  public Path masterKeyFile() {
    return masterKeyFile
        .filter(f -> !f.isBlank())
        .map(Path::of)
        .orElseGet(
            () ->
                Path.of(
                    System.getProperty("jboss.server.config.dir", "."), "pkiaas", "master.key"));
  }

  /** Where releases before issue 12 kept the generated key: beside the embedded database. */
  public static Path legacyMasterKeyFile() {
    String data = System.getProperty("jboss.server.data.dir");
    return data == null ? null : Path.of(data, "pkiaas", "master.key");
  }

  public int responderValidityDays() {
    return responderValidityDays;
  }

  /** How long a SCEP RA certificate is valid; it is replaced 30 days before it ends. */
  public int scepRaValidityDays() {
    return scepRaValidityDays;
  }
}
