package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.pkiaas.schema.SchemaMigration;

/**
 * The upgrade dataset without a server, in seconds: it is at the version before the newest
 * migration (so adding a migration without rolling it forward fails here first), it fills every
 * table, and the application's migrations take it to the newest version on H2. {@link UpgradeIT}
 * does the rest on a real server and on MariaDB too.
 */
class UpgradeDatasetTest {

  @Test
  void theDatasetIsAtTheVersionBeforeTheNewestAndFillsEveryTable() throws Exception {
    String url = "jdbc:h2:mem:upgrade-dataset-test;DB_CLOSE_DELAY=-1";
    DataSource database = UpgradeDataset.dataSource(DriverManager.getDriver(url), url, "sa", "");

    UpgradeDataset.load(database, "h2");
    MigrationInfo[] pending = SchemaMigration.flyway(database, "h2").load().info().pending();
    assertEquals(
        1,
        pending.length,
        "The dataset must be one migration behind the newest: run"
            + " pkiaas-it/src/test/scripts/roll-upgrade-dataset.sh (see UpgradeIT)");
    try (Connection connection = database.getConnection()) {
      assertEquals(
          List.of(),
          UpgradeDataset.empty(UpgradeDataset.rowCounts(connection)),
          "Tables without rows in the dataset (see UpgradeIT)");
    }

    var migrated = SchemaMigration.flyway(database, "h2").load().migrate();
    assertTrue(migrated.success);
    assertEquals(pending[0].getVersion().getVersion(), migrated.targetSchemaVersion);
  }
}
