package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upgrades a database of the previous schema version, with rows in every table, to the current one,
 * and reads it all back through the application (issue 16, "Upgrades").
 *
 * <p>On the suite's database (H2 or MariaDB) the test builds the previous version's schema with the
 * application's own migrations and loads {@link UpgradeDataset}'s rows, written by PKIaaS itself;
 * it checks that every table has rows, then starts the prepared server of that database on it (a
 * WildFly of its own, port offset +55, base directory {@code target/servers/upgrade-*}), whose
 * deployment migrates the schema as an operator's upgrade does. Then: every entity's rows load
 * through the application's mappings ({@link UpgradeReader}), every CA's CRL verifies against its
 * certificate, OCSP answers for the dataset's certificates as they were left (good or revoked), and
 * a dataset CA, its key wrapped under the dataset's master key, signs a new certificate.
 *
 * <p><b>When a migration is added</b> (V(n+1) beside the dataset's V(n-1)): run {@code
 * pkiaas-it/src/test/scripts/roll-upgrade-dataset.sh}, which migrates the dataset to V(n) with the
 * application's migrations and writes {@code src/test/upgrade/dataset-V<n>.sql} in its place;
 * commit it with the migration. If the migration made a table, this test then says which table is
 * empty: add inserts for it to the dataset, as the application would write the rows.
 */
class UpgradeIT {

  private static final String DATABASE = System.getProperty("pkiaas.it.database", "h2");
  private static final int OFFSET =
      Integer.parseInt(System.getProperty("pkiaas.it.port-offset", "100")) + 55;
  private static final String URL = "http://localhost:" + (8080 + OFFSET);
  private static final Path SERVERS =
      Path.of(System.getProperty("pkiaas.it.servers", "target/servers")).toAbsolutePath();
  private static final String ADMIN_PASSWORD =
      System.getProperty("pkiaas.it.admin-password", "it-admin-password-1");

  private static ClusterNode server;
  private static Map<String, Long> datasetRows;
  private static List<DatasetCa> datasetCas;
  private static List<DatasetCertificate> datasetCertificates;

  /** A CA of the dataset that holds a certificate, and the username of its owner. */
  record DatasetCa(String id, String owner, String status, X509CertificateHolder certificate) {}

  /** A subscriber's certificate of the dataset, as the dataset left it. */
  record DatasetCertificate(String caId, BigInteger serial, String status) {}

  @BeforeAll
  static void upgrade() throws Exception {
    Path base = SERVERS.resolve("upgrade-" + DATABASE);
    List<String> properties = new ArrayList<>();
    properties.add("pkiaas.public.url=" + URL);
    properties.add("pkiaas.admin.user=admin");
    properties.add("pkiaas.admin.password=" + ADMIN_PASSWORD);
    properties.add("pkiaas.jobs.timers.enabled=false");
    properties.add("pkiaas.https.keystore=" + SERVERS.resolve("tls/https.p12"));
    properties.add("pkiaas.https.keystore.password=pkiaas-it");
    DataSource database;
    if ("mariadb".equals(DATABASE)) {
      String url =
          "jdbc:mariadb://127.0.0.1:3306/"
              + System.getProperty("pkiaas.it.db-name", "pkiaas_it")
              + "_upgrade";
      properties.add("pkiaas.db.url=" + url);
      properties.add("pkiaas.db.user=pkiaas_it");
      properties.add("pkiaas.db.password=pkiaas_it");
      database =
          UpgradeDataset.dataSource(new org.mariadb.jdbc.Driver(), url, "pkiaas_it", "pkiaas_it");
    } else {
      database =
          UpgradeDataset.dataSource(
              serversH2Driver(), "jdbc:h2:" + base.resolve("data/pkiaas/pkiaas"), "sa", "sa");
    }
    server = new ClusterNode(DATABASE, "upgrade", base, OFFSET, properties, Map.of());

    Path key = base.resolve("configuration/pkiaas/master.key");
    Files.createDirectories(key.getParent());
    Files.writeString(key, UpgradeDataset.masterKey() + "\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    UpgradeDataset.load(database, DATABASE);
    try (Connection connection = database.getConnection()) {
      datasetRows = UpgradeDataset.rowCounts(connection);
      datasetCas = cas(connection);
      datasetCertificates = certificates(connection);
    }

    server.deploy();
    server.start();
    server.awaitDeployed();
    UpgradeReader.war()
        .as(ZipExporter.class)
        .exportTo(base.resolve("deployments/" + UpgradeReader.DEPLOYMENT + ".war").toFile(), true);
    server.awaitLog(
        "WFLYSRV0010: Deployed \"" + UpgradeReader.DEPLOYMENT + ".war\"", Duration.ofMinutes(2));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void theDatasetHasRowsInEveryTable() {
    assertTrue(datasetRows.size() > 20, datasetRows::toString);
    assertEquals(
        List.of(),
        UpgradeDataset.empty(datasetRows),
        "Tables without rows in " + UpgradeDataset.DIR + " (see UpgradeIT's Javadoc)");
  }

  @Test
  void theDeploymentMigratedTheSchemaToTheNewestVersion() throws Exception {
    Matcher line =
        Pattern.compile("PKIaaS schema at version (\\d+) \\((\\d+) migrations applied now\\)")
            .matcher(Files.readString(server.serverLog()));
    assertTrue(line.find(), "the migration's log line");
    int dataset = Integer.parseInt(UpgradeDataset.version());
    assertEquals(newestMigration(), Integer.parseInt(line.group(1)));
    assertEquals(newestMigration() - dataset, Integer.parseInt(line.group(2)));
  }

  @Test
  void everyRowOfEveryEntityLoads() {
    Api.Reply reply = Api.anonymous().at(URL).get("/" + UpgradeReader.DEPLOYMENT + "/entities");
    assertEquals(200, reply.status(), reply::text);
    List<String> lines = reply.text().lines().toList();
    assertTrue(lines.size() >= 20, reply::text);
    for (String line : lines) {
      String[] fields = line.split(" ");
      long loaded = Long.parseLong(fields[1]);
      assertTrue(loaded > 0, () -> "no rows of " + fields[0]);
      assertEquals(Long.parseLong(fields[2]), loaded, () -> "rows of " + fields[0] + " loaded");
    }
  }

  @Test
  void everyCaCrlVerifies() throws Exception {
    List<DatasetCa> cas = datasetCas.stream().filter(ca -> !"DELETED".equals(ca.status())).toList();
    assertTrue(cas.size() > 1, datasetCas::toString);
    for (DatasetCa ca : cas) {
      Api.Reply crl = Api.anonymous().at(URL).get("/pki/crl/" + ca.id() + ".crl");
      assertEquals(200, crl.status(), () -> ca + ": " + crl);
      X509CRLHolder holder = new X509CRLHolder(crl.bytes());
      assertEquals(ca.certificate().getSubject(), holder.getIssuer());
      assertTrue(
          holder.isSignatureValid(
              new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(ca.certificate())),
          () -> ca + "'s CRL is signed by its key");
    }
  }

  @Test
  void ocspAnswersForTheDatasetsCertificatesAsTheyWereLeft() throws Exception {
    int revoked = 0;
    int good = 0;
    for (DatasetCertificate certificate : datasetCertificates) {
      DatasetCa ca =
          datasetCas.stream()
              .filter(c -> c.id().equals(certificate.caId()))
              .findFirst()
              .orElseThrow();
      if ("DELETED".equals(ca.status())) {
        continue;
      }
      StatusPki pki = new StatusPki(Api.anonymous().at(URL), ca.id(), ca.certificate(), null);
      BasicOCSPResp answer =
          StatusPki.basic(
              Api.anonymous()
                  .at(URL)
                  .post(
                      "/pki/ocsp/" + ca.id(),
                      "application/ocsp-request",
                      pki.request(null, certificate.serial())));
      X509CertificateHolder signer =
          answer.getCerts().length > 0 ? answer.getCerts()[0] : ca.certificate();
      assertTrue(
          answer.isSignatureValid(
              new JcaContentVerifierProviderBuilder().setProvider(Pki.BC).build(signer)),
          certificate::toString);
      SingleResp single = answer.getResponses()[0];
      assertEquals(certificate.serial(), single.getCertID().getSerialNumber());
      if ("VALID".equals(certificate.status())) {
        assertNull(single.getCertStatus(), certificate::toString);
        good++;
      } else {
        assertTrue(single.getCertStatus() instanceof RevokedStatus, certificate::toString);
        revoked++;
      }
    }
    assertTrue(revoked > 0 && good > 0, "revoked " + revoked + ", good " + good);
  }

  @Test
  void aDatasetCaSignsANewCertificate() {
    DatasetCa ca =
        datasetCas.stream()
            .filter(c -> "ACTIVE".equals(c.status()))
            .filter(c -> !templates(c).isEmpty())
            .findFirst()
            .orElseThrow();
    StatusPki pki =
        new StatusPki(owner(ca), ca.id(), ca.certificate(), templates(ca).get(0).getString("id"));
    JsonObject issued = pki.issue("after-upgrade.example.com");
    X509CertificateHolder certificate = Pki.certificate(issued.getString("certificatePem"));
    assertTrue(Pki.signedBy(certificate, ca.certificate()), issued::toString);
  }

  /** The CA's owner, signed in: the dataset gives every account the administrator's password. */
  private static Api owner(DatasetCa ca) {
    return Api.basic(ca.owner(), ADMIN_PASSWORD).at(URL);
  }

  private static List<JsonObject> templates(DatasetCa ca) {
    Api.Reply reply = owner(ca).get("/api/v1/cas/" + ca.id() + "/templates");
    assertEquals(200, reply.status(), reply::toString);
    return reply.array().stream().map(JsonObject.class::cast).toList();
  }

  private static List<DatasetCa> cas(Connection connection) throws Exception {
    List<DatasetCa> cas = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT ca.id, a.username, ca.status, ca.certificate FROM certificate_authority ca"
                    + " JOIN account a ON a.id = ca.owner_id WHERE ca.certificate IS NOT NULL"
                    + " ORDER BY ca.created_at")) {
      while (rows.next()) {
        cas.add(
            new DatasetCa(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                new X509CertificateHolder(rows.getBytes(4))));
      }
    }
    return cas;
  }

  private static List<DatasetCertificate> certificates(Connection connection) throws Exception {
    List<DatasetCertificate> certificates = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT ca_id, serial_number, status FROM issued_certificate"
                    + " WHERE purpose = 'END_ENTITY' ORDER BY created_at")) {
      while (rows.next()) {
        certificates.add(
            new DatasetCertificate(
                rows.getString(1), new BigInteger(rows.getString(2), 16), rows.getString(3)));
      }
    }
    return certificates;
  }

  /** The version of the newest migration the EAR carries. */
  private static int newestMigration() throws Exception {
    Pattern version = Pattern.compile("V(\\d+)__.*");
    int newest = 0;
    for (String name : UpgradeReader.migrationNames()) {
      Matcher m = version.matcher(name);
      if (m.matches()) {
        newest = Math.max(newest, Integer.parseInt(m.group(1)));
      }
    }
    return newest;
  }

  /**
   * The prepared server's own H2 driver: the database file must be in the format of the H2 that
   * opens it.
   */
  private static Driver serversH2Driver() throws Exception {
    Path module =
        SERVERS.resolve(DATABASE).resolve("modules/system/layers/base/com/h2database/h2/main");
    Path jar;
    try (Stream<Path> files = Files.list(module)) {
      jar = files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
    }
    ClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Driver driver =
        (Driver)
            Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
    assertNotNull(driver);
    return driver;
  }
}
