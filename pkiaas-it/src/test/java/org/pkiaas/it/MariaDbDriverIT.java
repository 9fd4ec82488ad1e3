package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pkiaas.jdbc.MariaDbDriver;

/**
 * The data source's MariaDB driver ({@code org.pkiaas.jdbc.MariaDbDriver}, module {@code
 * org.pkiaas.jdbc}) against the test MariaDB, prepared as WildFly's pool prepares every statement:
 * a batch of INSERTs reaches the server as one command, where Connector/J alone sends one per row;
 * a batch of UPDATEs still reports each row's count; with the data source's connection properties,
 * a statement run again is not prepared again. Runs on MariaDB only (the on-h2 run excludes it):
 * there is no other server to ask.
 */
class MariaDbDriverIT {

  private static final String URL =
      "jdbc:mariadb://127.0.0.1:3306/" + System.getProperty("pkiaas.it.db-name", "pkiaas_it");

  private static final Path SERVERS =
      Path.of(System.getProperty("pkiaas.it.servers", "target/servers")).toAbsolutePath();

  private static final String TABLE =
      "driver_check_" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void table() throws SQLException {
    try (Connection connection = new org.mariadb.jdbc.Driver().connect(URL, credentials());
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE " + TABLE + " (id VARCHAR(36) PRIMARY KEY, der BLOB, v VARCHAR(20))");
    }
  }

  @AfterAll
  static void dropTable() throws SQLException {
    try (Connection connection = new org.mariadb.jdbc.Driver().connect(URL, credentials());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + TABLE);
    }
  }

  @Test
  void poolPreparedInsertBatchIsOneCommand() throws SQLException {
    try (Connection connection = new MariaDbDriver().connect(URL, credentials())) {
      long before = insertCommands(connection);

      int[] counts = insertFive(connection, "adapter");

      assertEquals(1, insertCommands(connection) - before, "INSERT commands for five rows");
      assertEquals(5, counts.length);
      assertEquals(5, rows(connection, "adapter"));
    }
  }

  /**
   * Why the adapter exists: before MariaDB 11.5 (a bulk command that returns a key per row),
   * Connector/J alone sends such a batch one INSERT per row; from 11.5 on, as one. Should a
   * Connector/J release change this, the test fails and the adapter can go.
   */
  @Test
  void connectorJAloneSendsOneInsertPerRowBeforeMariaDb115() throws SQLException {
    try (Connection connection = new org.mariadb.jdbc.Driver().connect(URL, credentials())) {
      DatabaseMetaData server = connection.getMetaData();
      boolean keyPerRow =
          server.getDatabaseMajorVersion() > 11
              || server.getDatabaseMajorVersion() == 11 && server.getDatabaseMinorVersion() >= 5;
      long before = insertCommands(connection);

      insertFive(connection, "driver");

      assertEquals(
          keyPerRow ? 1 : 5,
          insertCommands(connection) - before,
          "INSERT commands for five rows on " + server.getDatabaseProductVersion());
      assertEquals(5, rows(connection, "driver"));
    }
  }

  /** The MariaDB test server's data source loads the adapter, as {@code configure.sh} sets it. */
  @Test
  void theServersDataSourceUsesTheAdapter() throws Exception {
    String configuration = serverConfiguration();

    assertTrue(
        configuration.contains("<driver name=\"mariadb\" module=\"org.pkiaas.jdbc\">")
            && configuration.contains(
                "<driver-class>" + MariaDbDriver.class.getName() + "</driver-class>"),
        "the mariadb driver entry names module org.pkiaas.jdbc and the adapter's class");
  }

  /**
   * With the data source's connection properties (statements prepared on the server, kept per
   * connection), a batch of INSERTs run again is sent without a new PREPARE, still as one command.
   */
  @Test
  void theDataSourcesStatementsArePreparedOnceAndBatchedAsOneCommand() throws Exception {
    Properties properties = dataSourceProperties();
    assertEquals("true", properties.getProperty("useServerPrepStmts"), properties.toString());
    try (Connection connection = new MariaDbDriver().connect(URL, properties)) {
      insertFive(connection, "prepared");
      long prepares = sessionStatus(connection, "Com_stmt_prepare");
      long inserts = insertCommands(connection);

      insertFive(connection, "prepared");
      insertFive(connection, "prepared");

      assertEquals(0, sessionStatus(connection, "Com_stmt_prepare") - prepares, "new PREPAREs");
      assertEquals(2, insertCommands(connection) - inserts, "INSERT commands for two batches");
      assertEquals(15, rows(connection, "prepared"));
    }
  }

  @Test
  void updateBatchKeepsEachRowsCount() throws Exception {
    updateBatchKeepsEachRowsCount(credentials());
    updateBatchKeepsEachRowsCount(dataSourceProperties());
  }

  private static void updateBatchKeepsEachRowsCount(Properties properties) throws SQLException {
    try (Connection connection = new MariaDbDriver().connect(URL, properties)) {
      String[] ids = new String[3];
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO " + TABLE + " (id, v) VALUES (?, 'u')")) {
        for (int i = 0; i < ids.length; i++) {
          ids[i] = UUID.randomUUID().toString();
          insert.setString(1, ids[i]);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE " + TABLE + " SET v = 'u2' WHERE id = ? AND v = 'u'",
              ResultSet.TYPE_FORWARD_ONLY,
              ResultSet.CONCUR_READ_ONLY)) {
        for (String id : new String[] {ids[0], "no-such-row", ids[2]}) {
          update.setString(1, id);
          update.addBatch();
        }
        assertArrayEquals(new int[] {1, 0, 1}, update.executeBatch());
      }
    }
  }

  private static int[] insertFive(Connection connection, String value) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + TABLE + " (id, der, v) VALUES (?, ?, ?)",
            ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY)) {
      for (int i = 0; i < 5; i++) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, new byte[] {0x30, (byte) i, 0x00, 0x27, 0x5c});
        insert.setString(3, value);
        insert.addBatch();
      }
      return insert.executeBatch();
    }
  }

  private static long insertCommands(Connection connection) throws SQLException {
    return sessionStatus(connection, "Com_insert");
  }

  private static long sessionStatus(Connection connection, String counter) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet status = statement.executeQuery("SHOW SESSION STATUS LIKE '" + counter + "'")) {
      status.next();
      return status.getLong(2);
    }
  }

  /**
   * The credentials and the connection properties the MariaDB test server's data source gives the
   * driver ({@code cli/datasource-mariadb.cli}).
   */
  private static Properties dataSourceProperties() throws IOException {
    String configuration = serverConfiguration();
    Matcher property =
        Pattern.compile(
                "<connection-property name=\"([^\"]+)\">\\s*([^<]*?)\\s*</connection-property>")
            .matcher(configuration);
    Properties properties = credentials();
    while (property.find()) {
      properties.setProperty(property.group(1), property.group(2));
    }
    return properties;
  }

  /** The MariaDB test server's configuration, as {@code configure.sh} wrote it. */
  private static String serverConfiguration() throws IOException {
    return Files.readString(SERVERS.resolve("mariadb/standalone/configuration/standalone.xml"));
  }

  private static long rows(Connection connection, String value) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement("SELECT COUNT(*) FROM " + TABLE + " WHERE v = ?")) {
      count.setString(1, value);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static Properties credentials() {
    Properties credentials = new Properties();
    credentials.setProperty("user", "pkiaas_it");
    credentials.setProperty("password", "pkiaas_it");
    return credentials;
  }
}
