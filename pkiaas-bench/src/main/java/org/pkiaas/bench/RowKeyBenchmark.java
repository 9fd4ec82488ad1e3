package org.pkiaas.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.pkiaas.rowid.RowIds;

/**
 * Random against time-ordered row keys, in MariaDB alone (issue 21; {@link RowIds}): two tables
 * shaped like {@code issued_certificate} (its indexes and main columns, no foreign keys), one keyed
 * by random version-4 UUIDs as every row was before, one by the version-7 UUIDs of {@link
 * RowIds#next()}; each filled to the same number of rows in 1,000-row transactions, then both take
 * single-row commits over one JDBC connection, in turns, the table that goes first changing each
 * round (what one window leaves InnoDB to flush falls in the next one's counters). Per insert:
 * MariaDB's CPU (from /proc), the pages InnoDB read from disk because its buffer pool did not hold
 * them, the pages it wrote and its fsyncs (its global status counters). A table larger than the
 * buffer pool is the case that matters: a CA's certificates, their requests and the audit log
 * outgrow it within weeks.
 *
 * <p>Arguments: rows to fill each table with (default 200,000), single-row commits per window
 * (5,000), rounds of the two windows (2), the directory for the fsync probe (the benchmark's status
 * directory, on the disk MariaDB uses; default the temporary directory). MariaDB through {@code
 * bench.db.url}, {@code bench.db.user} and {@code bench.db.password}; its process through {@code
 * bench.cpu.database.pid}. The tables are dropped at the end, whatever happened.
 */
final class RowKeyBenchmark {

  private static final String[] TABLES = {"row_keys_random", "row_keys_time"};

  private static final SecureRandom RANDOM = new SecureRandom();

  private RowKeyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int inserts = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path probe = Path.of(args.length > 3 ? args[3] : System.getProperty("java.io.tmpdir"));
    ProcessCpu database =
        new ProcessCpu(
            "MariaDB",
            Long.getLong("bench.cpu.database.pid", -1),
            Long.getLong("bench.cpu.ticks", 100));
    StringBuilder out = new StringBuilder();
    try (Connection connection =
        DriverManager.getConnection(
            System.getProperty("bench.db.url"),
            System.getProperty("bench.db.user", ""),
            System.getProperty("bench.db.password", ""))) {
      try {
        run(connection, rows, inserts, rounds, probe, database, out);
      } finally {
        for (String table : TABLES) {
          try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
          }
        }
      }
    }
    System.out.print(out);
  }

  private static void run(
      Connection connection,
      int rows,
      int inserts,
      int rounds,
      Path probe,
      ProcessCpu database,
      StringBuilder out)
      throws Exception {
    for (String table : TABLES) {
      create(connection, table);
    }
    long filling = System.nanoTime();
    for (String table : TABLES) {
      fill(connection, table, rows);
    }
    double fillSeconds = (System.nanoTime() - filling) / 1e9;
    Machine.Fsync fsync = Machine.fsync(probe);
    out.append(
            "| keys | round | single-row commits/s | MariaDB CPU/insert | pages read from disk/insert"
                + " | pages written/insert | InnoDB fsyncs/insert |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    double[] cpu = new double[TABLES.length];
    for (int round = 1; round <= rounds; round++) {
      for (int turn = 0; turn < TABLES.length; turn++) {
        int t = (turn + round - 1) % TABLES.length;
        Window window = measure(connection, TABLES[t], inserts, database);
        cpu[t] += window.cpuMillis;
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.0f | %.3f ms | %.2f | %.2f | %.2f |%n",
                t == 0 ? "random (version 4)" : "time-ordered (version 7)",
                round,
                inserts / window.seconds,
                window.cpuMillis / inserts,
                window.per("Innodb_buffer_pool_reads", inserts),
                window.per("Innodb_pages_written", inserts),
                window.per("Innodb_data_fsyncs", inserts)));
      }
    }
    out.append('\n')
        .append(
            String.format(
                Locale.ROOT,
                "Each table filled with %,d rows (%.0f s for both), then %,d single-row commits"
                    + " per window. Sizes at the end: %s; InnoDB buffer pool %d MB. Machine: 4 KiB"
                    + " write + fsync %s; load average %s. Over all rounds MariaDB spent %.2f×"
                    + " the CPU per insert with random keys that it spent with time-ordered"
                    + " ones.%n",
                rows,
                fillSeconds,
                inserts,
                sizes(connection),
                bufferPoolMegabytes(connection),
                fsync,
                Machine.loadAverage(),
                cpu[0] / cpu[1]));
  }

  private static void create(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + table);
      // issued_certificate's indexes (db/migration) and its columns but the revocation's and the
      // precertificate's (null in a new row), without its foreign keys
      statement.execute(
          "CREATE TABLE "
              + table
              + " (id CHAR(36) NOT NULL, ca_id CHAR(36) NOT NULL, template_id CHAR(36),"
              + " serial_number VARCHAR(64) NOT NULL, subject_dn VARCHAR(1000) NOT NULL,"
              + " not_before DATETIME(3) NOT NULL, not_after DATETIME(3) NOT NULL,"
              + " der LONGBLOB NOT NULL, status VARCHAR(16) NOT NULL, purpose VARCHAR(32) NOT NULL,"
              + " created_at DATETIME(3) NOT NULL, request_id CHAR(36), subject_alt_names LONGTEXT,"
              + " public_key_sha256 CHAR(64), status_changed_at DATETIME(3), PRIMARY KEY (id),"
              + " UNIQUE KEY uk_serial (ca_id, serial_number), KEY ix_ca_status (ca_id, status),"
              + " KEY ix_template (template_id, status), KEY ix_expiry (ca_id, not_after),"
              + " KEY ix_public_key (ca_id, public_key_sha256),"
              + " KEY ix_status_changed (ca_id, status_changed_at)) ENGINE=InnoDB");
    }
  }

  private static Supplier<String> keys(String table) {
    return table.equals(TABLES[0]) ? () -> RowIds.uuid().toString() : RowIds::next;
  }

  private static final String CA = "b4c78d6c-14f2-4fdd-93cb-d5fca543c805";
  private static final String TEMPLATE = "40a20520-6683-48af-8e57-1fd2b69f4076";

  private static PreparedStatement insert(Connection connection, String table) throws SQLException {
    return connection.prepareStatement(
        "INSERT INTO "
            + table
            + " (id, ca_id, template_id, serial_number, subject_dn, not_before, not_after, der,"
            + " status, purpose, created_at, request_id, subject_alt_names, public_key_sha256,"
            + " status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'VALID', 'END_ENTITY', ?, ?, ?,"
            + " ?, ?)");
  }

  /** One row as an issuance writes it: a random serial, a 700-byte certificate, a key hash. */
  private static void bind(PreparedStatement insert, String id, long n) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    byte[] serial = new byte[16];
    byte[] der = new byte[700];
    byte[] keyHash = new byte[32];
    RANDOM.nextBytes(serial);
    RANDOM.nextBytes(der);
    RANDOM.nextBytes(keyHash);
    insert.setString(1, id);
    insert.setString(2, CA);
    insert.setString(3, TEMPLATE);
    insert.setString(4, HexFormat.of().formatHex(serial));
    insert.setString(5, "CN=host-" + n + ".example.com");
    insert.setTimestamp(6, now);
    insert.setTimestamp(7, now);
    insert.setBytes(8, der);
    insert.setTimestamp(9, now);
    insert.setString(10, RowIds.uuid().toString());
    insert.setString(11, "[\"DNS:host-" + n + ".example.com\"]");
    insert.setString(12, HexFormat.of().formatHex(keyHash));
    insert.setTimestamp(13, now);
  }

  private static void fill(Connection connection, String table, int rows) throws SQLException {
    Supplier<String> keys = keys(table);
    connection.setAutoCommit(false);
    try (PreparedStatement insert = insert(connection, table)) {
      for (int n = 0; n < rows; n++) {
        bind(insert, keys.get(), n);
        insert.addBatch();
        if ((n + 1) % 1_000 == 0 || n + 1 == rows) {
          insert.executeBatch();
          connection.commit();
        }
      }
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** What one window of single-row commits cost. */
  private record Window(double seconds, double cpuMillis, Map<String, Long> counters) {
    double per(String counter, int inserts) {
      Long count = counters.get(counter);
      return count == null ? Double.NaN : count / (double) inserts;
    }
  }

  private static Window measure(
      Connection connection, String table, int inserts, ProcessCpu database) throws SQLException {
    Supplier<String> keys = keys(table);
    try (PreparedStatement insert = insert(connection, table)) {
      DatabaseStatements.Snapshot before = DatabaseStatements.snapshot();
      double cpuBefore = database.seconds();
      long start = System.nanoTime();
      for (int n = 0; n < inserts; n++) {
        bind(insert, keys.get(), n);
        insert.executeUpdate();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuMillis = (database.seconds() - cpuBefore) * 1000;
      DatabaseStatements.Snapshot after = DatabaseStatements.snapshot();
      return new Window(seconds, cpuMillis, DatabaseStatements.window(before, after).counters());
    }
  }

  private static String sizes(Connection connection) throws SQLException {
    StringBuilder sizes = new StringBuilder();
    try (Statement statement = connection.createStatement()) {
      // information_schema's sizes are InnoDB's statistics: brought up to date first
      statement.execute("ANALYZE TABLE " + String.join(", ", TABLES));
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT table_name, data_length, index_length FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name LIKE 'row_keys_%'"
                    + " ORDER BY table_name")) {
      while (rows.next()) {
        if (sizes.length() > 0) {
          sizes.append(", ");
        }
        sizes.append(
            String.format(
                Locale.ROOT,
                "%s %d MB of rows and %d MB of secondary indexes",
                rows.getString(1),
                rows.getLong(2) >> 20,
                rows.getLong(3) >> 20));
      }
    }
    return sizes.toString();
  }

  private static long bufferPoolMegabytes(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT @@innodb_buffer_pool_size")) {
      rows.next();
      return rows.getLong(1) >> 20;
    }
  }
}
