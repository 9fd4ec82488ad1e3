package org.pkiaas.it;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The two-node installation the cluster tests share: a three-node Galera cluster, WildFly node A on
 * Galera node 1 and node B on Galera node 2 (node 3 only replicates; the tests read the database
 * through it), and the {@link Balancer} whose address is both nodes' public URL and the tests' base
 * URL. Started once per test JVM, by the first test class that asks for it
 * ({@code @ExtendWith(TwoNodes.class)}), and stopped when JUnit ends.
 *
 * <p>Both servers boot at once, but node B gets the EAR only once node A has migrated the schema:
 * Flyway's lock is a MariaDB named lock, which Galera does not share between nodes (see the
 * operator guide).
 */
final class TwoNodes implements BeforeAllCallback, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TwoNodes.class.getName());
  private static final String DATABASE = "pkiaas";

  private static TwoNodes shared;

  final GaleraCluster galera;
  final ClusterNode a;
  final ClusterNode b;
  final Balancer balancer;

  /** JUnit's instance; the shared one is made by {@link #beforeAll}. */
  public TwoNodes() {
    galera = null;
    a = null;
    b = null;
    balancer = null;
  }

  private TwoNodes(Path dir) throws Exception {
    Instant began = Instant.now();
    int offset = Integer.getInteger("pkiaas.it.port-offset", 100);
    URI publicUrl = URI.create(Api.BASE_URL);
    List<Integer> ports =
        Arrays.stream(System.getProperty("pkiaas.it.galera.ports", "3316,3326,3336").split(","))
            .map(p -> Integer.valueOf(p.strip()))
            .toList();
    galera =
        new GaleraCluster(
                dir.resolve("galera"),
                ports,
                Integer.getInteger("pkiaas.it.galera.wsrep-port", 4510))
            .start();
    galera.sql(
        0,
        "CREATE DATABASE "
            + DATABASE
            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
            + " CREATE USER 'pkiaas_it'@'127.0.0.1' IDENTIFIED BY 'pkiaas_it';"
            + " GRANT ALL PRIVILEGES ON "
            + DATABASE
            + ".* TO 'pkiaas_it'@'127.0.0.1';");
    String masterKey = Base64.getEncoder().encodeToString(SecureRandom.getSeed(32));
    a = node("node-a", dir, offset, galera.port(0), masterKey);
    b = node("node-b", dir, offset + 50, galera.port(1), masterKey);
    balancer = new Balancer(publicUrl.getPort(), List.of(a, b));
    a.deploy();
    a.start();
    b.start(); // boots meanwhile; its EAR waits for A's schema
    a.awaitLog("PKIaaS database:", Duration.ofMinutes(6));
    b.deploy();
    a.awaitDeployed();
    b.awaitDeployed();
    LOG.info(
        () ->
            "Two nodes on a three-node Galera cluster up in "
                + Duration.between(began, Instant.now()).toSeconds()
                + " s");
  }

  private static ClusterNode node(
      String name, Path dir, int offset, int databasePort, String masterKey) throws Exception {
    String acme = System.getProperty("pkiaas.it.acme.http01-port", "5102");
    return new ClusterNode(
        name,
        dir.resolve(name),
        offset,
        List.of(
            "pkiaas.admin.user=admin",
            "pkiaas.admin.password="
                + System.getProperty("pkiaas.it.admin-password", "it-admin-password-1"),
            "pkiaas.public.url=" + Api.BASE_URL,
            "pkiaas.smtp.host=127.0.0.1",
            "pkiaas.smtp.port=" + System.getProperty("pkiaas.it.smtp-port", "3125"),
            "pkiaas.acme.http01.port=" + acme,
            "pkiaas.acme.tlsalpn01.port="
                + System.getProperty("pkiaas.it.acme.tlsalpn01-port", "5104"),
            "pkiaas.acme.dns.resolver=" + ChallengeDns.ADDRESS,
            "pkiaas.rate-limits.acme.new-orders.per-hour=20",
            "pkiaas.rate-limits.exempt=127.0.0.1",
            "pkiaas.db.url=jdbc:mariadb://127.0.0.1:" + databasePort + "/" + DATABASE,
            "pkiaas.db.user=pkiaas_it",
            "pkiaas.db.password=pkiaas_it",
            // every minute, so that a test sees several schedule slots
            "pkiaas.jobs.crl-regeneration.interval.minutes=1",
            "pkiaas.jobs.service-certificate-renewal.interval.minutes=1",
            // a stopped node's validations are taken over within seconds, not minutes
            "pkiaas.acme.validation.claim.seconds=20",
            "pkiaas.acme.validation.recovery.seconds=5"),
        Map.of("PKIAAS_MASTER_KEY", masterKey));
  }

  /** The shared installation, started by the first caller. */
  static synchronized TwoNodes shared() {
    if (shared == null) {
      try {
        shared =
            new TwoNodes(
                Path.of(System.getProperty("pkiaas.it.servers", "target/servers"))
                    .toAbsolutePath()
                    .resolveSibling("cluster"));
      } catch (Exception e) {
        throw new IllegalStateException("The two-node installation did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TwoNodes::stopShared));
    }
    return shared;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(TwoNodes.class, key -> shared(), TwoNodes.class);
  }

  /** Sends every request through the balancer to {@code node}. */
  void via(ClusterNode node) {
    balancer.pin(node);
  }

  /** Starts a node again if a test stopped it, and spreads requests over both. */
  void restore() throws Exception {
    for (ClusterNode node : List.of(a, b)) {
      if (!node.alive()) {
        node.start();
        node.awaitDeployed();
      }
    }
    balancer.spread();
  }

  /** A query's rows through Galera node 3, which no WildFly uses. */
  String query(String sql) {
    return galera.query(2, "USE " + DATABASE + "; " + sql);
  }

  @Override
  public void close() {
    stopShared();
  }

  private static synchronized void stopShared() {
    if (shared == null) {
      return;
    }
    TwoNodes stopping = shared;
    shared = null;
    stopping.balancer.close();
    for (ClusterNode node : List.of(stopping.a, stopping.b)) {
      try {
        node.stop();
      } catch (Exception e) {
        LOG.warning("Could not stop " + node.name() + ": " + e);
      }
    }
    try {
      stopping.galera.close();
    } catch (Exception e) {
      LOG.warning("Could not stop the Galera cluster: " + e);
    }
  }
}
