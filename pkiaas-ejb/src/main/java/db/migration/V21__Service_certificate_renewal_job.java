package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.pkiaas.schema.SchemaMigration;

/**
 * The ocsp-signer-renewal job became service-certificate-renewal once it renewed time-stamping and
 * SCEP RA certificates too: its lock row, and its runs in JBeret's job repository (so the history
 * and restarts of earlier runs carry over). Written in Java because the repository's tables exist
 * only where the batch subsystem has made them (wildfly-config/cli/batch.cli), which portable SQL
 * cannot ask.
 */
public class V21__Service_certificate_renewal_job extends BaseJavaMigration {

  static final String OLD_NAME = "ocsp-signer-renewal";
  static final String NEW_NAME = "service-certificate-renewal";

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    rename(connection, "UPDATE job_lock SET name = ? WHERE name = ?");
    if (SchemaMigration.tables(connection).contains("JOB_INSTANCE")) {
      // spelt as JBeret creates it, and as Jobs reads it
      rename(connection, "UPDATE JOB_INSTANCE SET JOBNAME = ? WHERE JOBNAME = ?");
    }
  }

  private static void rename(Connection connection, String update) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(update)) {
      statement.setString(1, NEW_NAME);
      statement.setString(2, OLD_NAME);
      statement.executeUpdate();
    }
  }
}
