package org.pkiaas.https.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pkiaas.config.NodeName;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.https.boundary.ServerCertificateIssuer.Plan;
import org.pkiaas.https.control.IssuedKeystore;
import org.pkiaas.jobs.control.JobLocks;
import org.pkiaas.problem.Incidents;
import org.pkiaas.revocation.boundary.CertificateRevoked;
import org.pkiaas.x509.SanType;
import org.pkiaas.x509.SubjectAltNames;

/**
 * Keeps this node's HTTPS certificate issued by the administrator's chosen template (option a of
 * docs/operator-guide.md, "HTTPS"): every {@code pkiaas.https.certificate.check.minutes}, and as
 * soon as the setting changes or a certificate is revoked, it asks the records whether the
 * certificate in {@code issued-https.p12} must be issued again ({@link ServerCertificateIssuer}),
 * and if so issues one for a new key and replaces the file, which the listener's key manager reads
 * at its next handshake. With no template chosen it removes the file, and the listener serves the
 * configured key store again.
 *
 * <p>Each node keeps its own file (nodes on one shared directory find it current and issue
 * nothing). Issuing takes the cluster-wide lock {@code https-certificate}, as the batch jobs take
 * theirs, and asks the records again under it: two nodes never issue at once, and a node that finds
 * the lock taken tries again at its next check.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServerCertificates {

  static final String LOCK = "https-certificate";

  private static final Logger LOG = Logger.getLogger(ServerCertificates.class.getName());
  private static final Duration FIRST = Duration.ofSeconds(20);
  private static final String SOON = "soon";

  @Resource TimerService timers;

  @Inject ServerCertificateIssuer issuer;

  @Inject JobLocks locks;

  @Inject LoggedIssuance logged;

  @Inject NodeName node;

  @Inject PkiaasConfig config;

  @Inject
  @ConfigProperty(name = "pkiaas.https.keystore")
  Optional<String> keystore;

  @Inject
  @ConfigProperty(name = "pkiaas.https.keystore.password", defaultValue = "changeit")
  String password;

  @Inject
  @ConfigProperty(name = "pkiaas.https.certificate.check.minutes", defaultValue = "10")
  long checkMinutes;

  private final AtomicBoolean soon = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        FIRST.toMillis(),
        Duration.ofMinutes(Math.max(1, checkMinutes)).toMillis(),
        new TimerConfig("interval", false));
  }

  /** After a change of the setting on this node: check now rather than at the next interval. */
  public void settingChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ServerCertificateChanged changed) {
    checkSoon();
  }

  /** A revoked certificate may be the served one, or its CA's. */
  public void revoked(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked revoked) {
    checkSoon();
  }

  private void checkSoon() {
    if (soon.compareAndSet(false, true)) {
      timers.createSingleActionTimer(1, new TimerConfig(SOON, false));
    }
  }

  @Timeout
  void fire(Timer timer) {
    if (SOON.equals(timer.getInfo())) {
      soon.set(false);
    }
    try {
      check();
    } catch (RuntimeException e) {
      Incidents.log(LOG, Level.WARNING, "Could not renew the HTTPS certificate", e);
    }
  }

  /**
   * The certificate this node's listener serves (the issued one, else the configured key store's),
   * for the console; empty when none can be read.
   */
  public Optional<X509Certificate> served() {
    return new IssuedKeystore(configuredKeystore(), password).served();
  }

  /** One check at a time on this node. */
  synchronized void check() {
    IssuedKeystore file = new IssuedKeystore(configuredKeystore(), password);
    List<SubjectAltNames.Name> names = names();
    Optional<Plan> plan = issuer.plan(names, served(file));
    if (plan.isEmpty()) {
      if (file.delete()) {
        LOG.info(() -> "HTTPS: no template issues the certificate; removed " + file.file());
      }
      return;
    }
    if (!plan.get().decision().issue()) {
      return;
    }
    String holder = node.name();
    if (!locks.acquire(LOCK, holder)) {
      LOG.info("HTTPS: another node is renewing; this node tries again at its next check");
      return;
    }
    try {
      plan = issuer.plan(names, served(file));
      if (plan.isPresent() && plan.get().decision().issue()) {
        issue(file, plan.get(), names);
      }
    } finally {
      locks.release(LOCK, holder);
    }
  }

  private void issue(IssuedKeystore file, Plan plan, List<SubjectAltNames.Name> names) {
    KeyPair key = newKey();
    // a template with CT logs has them answer between two transactions, never inside one
    List<byte[]> chain =
        logged.run(
            () ->
                issuer.issue(
                    plan,
                    SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()),
                    names,
                    "https-listener:" + node.name()));
    file.write(key.getPrivate(), chain);
    LOG.info(
        () ->
            "HTTPS: issued a server certificate from template "
                + plan.templateId()
                + " ("
                + plan.decision().name().toLowerCase(Locale.ROOT)
                + ") into "
                + file.file());
  }

  private static List<X509Certificate> served(IssuedKeystore file) {
    return file.chain().orElse(List.of());
  }

  private static KeyPair newKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No EC P-256 key generator", e);
    }
  }

  /** The public URL's host first (the subject's common name), then localhost. */
  List<SubjectAltNames.Name> names() {
    String host = URI.create(config.publicUrl()).getHost();
    List<SubjectAltNames.Name> names = new ArrayList<>();
    if (host != null && !host.isBlank()) {
      String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      boolean ip = bare.contains(":") || bare.matches("[0-9.]+");
      names.add(
          new SubjectAltNames.Name(
              ip ? SanType.IP : SanType.DNS, ip ? bare : bare.toLowerCase(Locale.ROOT)));
    }
    SubjectAltNames.Name localhost = new SubjectAltNames.Name(SanType.DNS, "localhost");
    if (!names.contains(localhost)) {
      names.add(localhost);
    }
    return names;
  }

  /** The listener's configured key store, as WildFly's key store {@code pkiaas-https} finds it. */
  private Path configuredKeystore() {
    return keystore
        .filter(path -> !path.isBlank())
        .map(Path::of)
        .orElseGet(
            () ->
                Path.of(System.getProperty("jboss.server.config.dir", "."), "pkiaas", "https.p12"));
  }
}
