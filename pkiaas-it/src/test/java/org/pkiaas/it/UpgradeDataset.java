package org.pkiaas.it;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.pkiaas.schema.SchemaMigration;

/**
 * The database of the previous schema version that {@link UpgradeIT} upgrades: the schema made by
 * the application's own migrations up to that version, and {@code
 * src/test/upgrade/dataset-V<n>.sql} (plain inserts that H2 and MariaDB both read) filling every
 * table with rows the application wrote. {@code src/test/upgrade/master.key} is the master key its
 * CA keys are wrapped under.
 *
 * <p>When a migration V(n+1) is added, roll the dataset forward one version ({@code
 * src/test/scripts/roll-upgrade-dataset.sh} runs {@link #main}): it loads the dataset, migrates it
 * to V(n) with the application's migrations and writes {@code dataset-V<n>.sql} in place of the old
 * one. If V(n) made a table, {@link UpgradeIT} then fails until the new dataset has rows in it: add
 * inserts by hand, as the application would write them.
 */
public final class UpgradeDataset {

  static final Path DIR =
      Path.of(System.getProperty("pkiaas.it.root", ".."), "pkiaas-it/src/test/upgrade");

  /** Tables that are not the application's: Flyway's history and JBeret's job repository. */
  private static final Set<String> NOT_OURS =
      Set.of(
          "FLYWAY_SCHEMA_HISTORY",
          "JOB_INSTANCE",
          "JOB_EXECUTION",
          "STEP_EXECUTION",
          "PARTITION_EXECUTION");

  private static final Pattern FILE = Pattern.compile("dataset-V(\\d+)\\.sql");

  private UpgradeDataset() {}

  /** The dataset file, the only {@code dataset-V<n>.sql} in {@link #DIR}. */
  static Path file() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> datasets =
          files.filter(f -> FILE.matcher(f.getFileName().toString()).matches()).toList();
      if (datasets.size() != 1) {
        throw new IllegalStateException(
            "Expected one dataset-V<n>.sql in " + DIR + ": " + datasets);
      }
      return datasets.get(0);
    }
  }

  /** The schema version the dataset was written at. */
  static String version() throws IOException {
    Matcher m = FILE.matcher(file().getFileName().toString());
    m.matches();
    return m.group(1);
  }

  /** The master key (base64) the dataset's private keys are wrapped under. */
  static String masterKey() throws IOException {
    return Files.readString(DIR.resolve("master.key")).trim();
  }

  /**
   * Makes the schema of the dataset's version in an empty database with the application's
   * migrations, and inserts the dataset.
   *
   * @param product "h2" or "mariadb"
   */
  static void load(DataSource database, String product) throws IOException, SQLException {
    SchemaMigration.flyway(database, product).target(version()).load().migrate();
    boolean mariadb = product.toLowerCase(Locale.ROOT).contains("maria");
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      // Rows go in table by table; a row may refer to one further down.
      if (mariadb) {
        statement.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
        statement.execute("SET SESSION FOREIGN_KEY_CHECKS = 0");
      } else {
        statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
      }
      connection.setAutoCommit(false); // one commit: a flush per row would take minutes
      // The dataset is the tables' whole content: it replaces the rows migrations seed (locks).
      for (String table : applicationTables(connection)) {
        statement.execute("DELETE FROM " + table);
      }
      for (String insert : statements(Files.readString(file(), StandardCharsets.UTF_8))) {
        statement.execute(insert);
      }
      statement.execute(
          mariadb ? "SET SESSION FOREIGN_KEY_CHECKS = 1" : "SET REFERENTIAL_INTEGRITY TRUE");
      keepShortLivedRows(connection);
      connection.commit();
    }
  }

  /**
   * The application deletes used ACME nonces and NDES one-time challenges once they expire (timers
   * on every node), minutes after the dataset was written; their rows are moved a day ahead so that
   * they are still there when the upgraded deployment reads them back.
   */
  private static void keepShortLivedRows(Connection connection) throws SQLException {
    Timestamp tomorrow = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
    for (String table : List.of("acme_used_nonce", "scep_challenge")) {
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE " + table + " SET expires_at = ? WHERE expires_at < ?")) {
        update.setTimestamp(1, tomorrow);
        update.setTimestamp(2, tomorrow);
        update.executeUpdate();
      }
    }
  }

  /** The number of rows of each of the application's tables (upper-case names). */
  static Map<String, Long> rowCounts(Connection connection) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Statement statement = connection.createStatement()) {
      for (String table : applicationTables(connection)) {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rows.next();
          counts.put(table.toUpperCase(Locale.ROOT), rows.getLong(1));
        }
      }
    }
    return counts;
  }

  /** The tables of {@code rows} (from {@link #rowCounts}) that have none. */
  static List<String> empty(Map<String, Long> rows) {
    return rows.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
  }

  /**
   * The application's tables, lower case: as MariaDB's migrations spelt them, and as H2 reads an
   * unquoted name.
   */
  private static Set<String> applicationTables(Connection connection) throws SQLException {
    Set<String> tables = new TreeSet<>();
    for (String table : SchemaMigration.tables(connection)) {
      if (!NOT_OURS.contains(table)) {
        tables.add(table.toLowerCase(Locale.ROOT));
      }
    }
    return tables;
  }

  /** The SQL statements of a script: split at semicolons outside quotes, comment lines dropped. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (String line : script.split("\n", -1)) {
      if (!quoted && line.startsWith("--")) {
        continue;
      }
      for (char c : line.toCharArray()) {
        if (c == '\'') {
          quoted = !quoted;
        }
        if (c == ';' && !quoted) {
          statements.add(current.toString().trim());
          current.setLength(0);
        } else {
          current.append(c);
        }
      }
      current.append('\n');
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().trim());
    }
    return statements;
  }

  /** Writes every row of the application's tables as inserts both databases read. */
  static void dump(Connection connection, String version, PrintWriter out) throws SQLException {
    out.println("-- UpgradeIT's dataset: rows PKIaaS wrote, at schema version " + version + ".");
    out.println(
        "-- Loaded over the schema the migrations make up to that version (UpgradeDataset);");
    out.println("-- roll it forward with pkiaas-it/src/test/scripts/roll-upgrade-dataset.sh.");
    out.println(
        "-- Every account's password is the tests' administrator password, it-admin-password-1.");
    try (Statement statement = connection.createStatement()) {
      for (String table : applicationTables(connection)) {
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
          ResultSetMetaData meta = rows.getMetaData();
          List<String> columns = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
          }
          String head =
              "INSERT INTO "
                  + table.toLowerCase(Locale.ROOT)
                  + " ("
                  + String.join(", ", columns)
                  + ") VALUES (";
          while (rows.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              values.add(literal(rows, i, meta.getColumnType(i)));
            }
            out.println(head + String.join(", ", values) + ");");
          }
        }
      }
    }
  }

  private static String literal(ResultSet rows, int column, int type) throws SQLException {
    switch (type) {
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
        byte[] bytes = rows.getBytes(column);
        return bytes == null ? "NULL" : "X'" + HexFormat.of().formatHex(bytes) + "'";
      }
      case Types.BOOLEAN, Types.BIT -> {
        boolean value = rows.getBoolean(column);
        return rows.wasNull() ? "NULL" : value ? "TRUE" : "FALSE";
      }
      case Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.DECIMAL,
          Types.NUMERIC -> {
        String value = rows.getString(column);
        return value == null ? "NULL" : value;
      }
      default -> {
        String value = rows.getString(column);
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
      }
    }
  }

  /**
   * Rolls the dataset forward to the schema version before the newest migration: {@code
   * roll-upgrade-dataset.sh} runs this with the application's migrations on the class path.
   */
  public static void main(String[] args) throws Exception {
    String from = version();
    Path old = file();
    String url = "jdbc:h2:mem:upgrade-dataset;DB_CLOSE_DELAY=-1";
    DataSource database = dataSource(DriverManager.getDriver(url), url, "sa", "");
    load(database, "h2");
    var flyway = SchemaMigration.flyway(database, "h2").load();
    var pending = flyway.info().pending();
    if (pending.length < 2) {
      System.out.println(
          "The dataset is at V" + from + ", the version before the newest: nothing to do");
      return;
    }
    String to = pending[pending.length - 2].getVersion().getVersion();
    SchemaMigration.flyway(database, "h2").target(to).load().migrate();
    Path target = DIR.resolve("dataset-V" + to + ".sql");
    try (Connection connection = database.getConnection();
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8))) {
      dump(connection, to, out);
    }
    Files.delete(old);
    System.out.println("Rolled the dataset from V" + from + " to V" + to + ": " + target);
  }

  /** A data source over one driver and URL, for Flyway and the tests' own connections. */
  static DataSource dataSource(Driver driver, String url, String user, String password) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return driver.connect(url, properties);
      }

      @Override
      public Connection getConnection(String u, String p) throws SQLException {
        return getConnection();
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
      }

      @Override
      public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("Not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> type) {
        return false;
      }
    };
  }
}
