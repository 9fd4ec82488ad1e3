package org.pkiaas.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings the schema up to date with the Flyway migrations under {@code db/migration} before
 * anything else starts. The same scripts serve H2 and MariaDB; the few types that differ are
 * placeholders filled in here.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:jboss/datasources/PkiaasDS")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    var configuration = flyway(dataSource, databaseProduct());
    if (onlyBatchTables()) {
      // The batch subsystem made its job repository tables before this ran, in a database
      // that is otherwise new: start the history below V1 rather than refuse a "non-empty" schema.
      configuration.baselineOnMigrate(true).baselineVersion("0");
    }
    var result = configuration.load().migrate();
    LOG.info(
        () ->
            "PKIaaS schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    LOG.info(() -> DATABASE_LINE + connectedDatabase());
  }

  /**
   * The application's Flyway set-up for a database of the given product ("h2", "mariadb"): its
   * migrations and the column types they take. The upgrade test builds its previous-version
   * database with it, so that database is made exactly as the application makes one.
   */
  public static FluentConfiguration flyway(DataSource dataSource, String product) {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .placeholders(typesFor(product.toLowerCase(Locale.ROOT)));
  }

  /**
   * Starts the log line naming the database the application is connected to; bin/pkiaas-start reads
   * it back for its banner and refuses a server that runs on another database than asked.
   */
  public static final String DATABASE_LINE = "PKIaaS database: ";

  /**
   * "H2 2.2.224 at jdbc:h2:/data/pkiaas/pkiaas", without the URL's options (they may hold a
   * password).
   */
  private String connectedDatabase() {
    try (Connection connection = dataSource.getConnection()) {
      var metaData = connection.getMetaData();
      return metaData.getDatabaseProductName()
          + " "
          + metaData.getDatabaseProductVersion()
          + " at "
          + withoutOptions(metaData.getURL());
    } catch (SQLException e) {
      throw new IllegalStateException("The PKIaaS datasource is not reachable", e);
    }
  }

  static String withoutOptions(String jdbcUrl) {
    return jdbcUrl.split("[?;]", 2)[0];
  }

  /**
   * The tables JBeret's JDBC job repository creates in the same database (see
   * wildfly-config/cli/batch.cli).
   */
  static final Set<String> BATCH_TABLES =
      Set.of("JOB_INSTANCE", "JOB_EXECUTION", "STEP_EXECUTION", "PARTITION_EXECUTION");

  /**
   * True when the database holds JBeret's tables and nothing else: no PKIaaS schema yet, no foreign
   * tables.
   */
  private boolean onlyBatchTables() {
    try (Connection connection = dataSource.getConnection()) {
      Set<String> tables = tables(connection);
      return !tables.isEmpty() && BATCH_TABLES.containsAll(tables);
    } catch (SQLException e) {
      throw new IllegalStateException("The PKIaaS datasource is not reachable", e);
    }
  }

  /** The names of the tables in the connection's schema, upper case. */
  public static Set<String> tables(Connection connection) throws SQLException {
    Set<String> tables = new HashSet<>();
    try (ResultSet rows =
        connection
            .getMetaData()
            .getTables(
                connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        tables.add(rows.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
      }
    }
    return tables;
  }

  private String databaseProduct() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    } catch (SQLException e) {
      throw new IllegalStateException("The PKIaaS datasource is not reachable", e);
    }
  }

  static Map<String, String> typesFor(String product) {
    if (product.contains("h2")) {
      return Map.of("datetime", "TIMESTAMP(3)", "blob", "BLOB", "text", "CLOB");
    }
    // MariaDB / MySQL: DATETIME has no 2038 limit, LONGBLOB holds SLH-DSA certificates.
    return Map.of("datetime", "DATETIME(3)", "blob", "LONGBLOB", "text", "LONGTEXT");
  }
}
