package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** V21 on the embedded database: the renewal job's lock row and history take its new name. */
class V21ServiceCertificateRenewalJobTest {

  @Test
  void theLockAndTheRunsOfTheOldJobTakeTheNewName() throws Exception {
    try (Connection connection =
        DriverManager.getConnection("jdbc:h2:mem:v21a;DB_CLOSE_DELAY=-1", "sa", "")) {
      try (Statement before = connection.createStatement()) {
        before.execute("CREATE TABLE job_lock (name VARCHAR(64) NOT NULL PRIMARY KEY)");
        before.execute("INSERT INTO job_lock VALUES ('crl-regeneration'), ('ocsp-signer-renewal')");
        before.execute(
            "CREATE TABLE JOB_INSTANCE (JOBINSTANCEID BIGINT PRIMARY KEY, JOBNAME VARCHAR(512))");
        before.execute(
            "INSERT INTO JOB_INSTANCE VALUES (1, 'ocsp-signer-renewal'), (2, 'crl-regeneration'),"
                + " (3, 'ocsp-signer-renewal')");
      }

      new V21__Service_certificate_renewal_job().migrate(MigrationContexts.of(connection));

      assertEquals(
          List.of("crl-regeneration", "service-certificate-renewal"),
          column(connection, "SELECT name FROM job_lock ORDER BY name"));
      assertEquals(
          List.of("service-certificate-renewal", "crl-regeneration", "service-certificate-renewal"),
          column(connection, "SELECT JOBNAME FROM JOB_INSTANCE ORDER BY JOBINSTANCEID"));
    }
  }

  @Test
  void aDatabaseWithoutTheJobRepositoryRenamesTheLockOnly() throws Exception {
    try (Connection connection =
        DriverManager.getConnection("jdbc:h2:mem:v21b;DB_CLOSE_DELAY=-1", "sa", "")) {
      try (Statement before = connection.createStatement()) {
        before.execute("CREATE TABLE job_lock (name VARCHAR(64) NOT NULL PRIMARY KEY)");
        before.execute("INSERT INTO job_lock VALUES ('ocsp-signer-renewal')");
      }

      new V21__Service_certificate_renewal_job().migrate(MigrationContexts.of(connection));

      assertEquals(
          List.of("service-certificate-renewal"), column(connection, "SELECT name FROM job_lock"));
    }
  }

  private static List<String> column(Connection connection, String query) throws Exception {
    List<String> values = new ArrayList<>();
    try (Statement read = connection.createStatement();
        ResultSet rows = read.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
