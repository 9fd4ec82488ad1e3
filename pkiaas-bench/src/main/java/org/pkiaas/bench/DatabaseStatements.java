package org.pkiaas.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What MariaDB was asked to do over a measured window, per operation: its global status counters
 * ({@code SHOW GLOBAL STATUS}, MariaDB's "Server Status Variables") read before and after the
 * window, so MariaDB's CPU per operation in the table reads against the statements that cost it.
 * {@code Questions} counts the statements clients sent, not the pool's validation pings at each
 * connection checkout ({@code validate-on-match}), which MariaDB counts in {@code
 * Com_admin_commands}; {@code Com_commit} counts explicit COMMITs, not statements committed in
 * autocommit. {@code Innodb_data_fsyncs} counts every fsync InnoDB made, the log flushes of commits
 * (fewer than the commits when concurrent ones share one) and its background page flushes alike.
 * {@code Innodb_buffer_pool_reads} counts the pages InnoDB had to read from disk because its buffer
 * pool did not hold them, {@code Innodb_pages_written} the pages it wrote: with row keys that do
 * not grow with time, inserts into a table larger than the buffer pool read and write several pages
 * each (issue 21, {@code RowIds}). The counters are the server's, not the benchmark database's, so
 * they hold only while nothing else uses MariaDB; a second benchmark or a test run beside this one
 * shows up in them.
 *
 * <p>Read over the connection given by {@code bench.db.url}, {@code bench.db.user} and {@code
 * bench.db.password} ({@code bin/pkiaas-bench} passes them); without it, or when MariaDB cannot be
 * read, the window is {@link Window#UNKNOWN} and no line is written.
 */
final class DatabaseStatements {

  /** The counters read, in the order the line names them, with the label each gets there. */
  private static final Map<String, String> COUNTERS = new LinkedHashMap<>();

  static {
    COUNTERS.put("Com_select", "SELECT");
    COUNTERS.put("Com_insert", "INSERT");
    COUNTERS.put("Com_update", "UPDATE");
    COUNTERS.put("Com_delete", "DELETE");
    COUNTERS.put("Com_commit", "COMMIT");
    COUNTERS.put("Com_rollback", "ROLLBACK");
    COUNTERS.put("Com_set_option", "SET (autocommit and session settings)");
    COUNTERS.put("Questions", "statements from clients in all");
    COUNTERS.put(
        "Com_admin_commands", "pings (the pool's validation at checkout) and other commands");
    COUNTERS.put("Innodb_data_fsyncs", "InnoDB fsyncs");
    COUNTERS.put("Innodb_buffer_pool_reads", "InnoDB pages read from disk");
    COUNTERS.put("Innodb_pages_written", "InnoDB pages written");
  }

  /** The counters at one moment; empty when they could not be read. */
  record Snapshot(Map<String, Long> counters) {}

  /** The counters' growth over one window. */
  record Window(Map<String, Long> counters) {

    static final Window UNKNOWN = new Window(Map.of());

    /** The line for a row of {@code operations}, or null when nothing was read. */
    String line(String path, long operations) {
      if (counters.isEmpty() || operations <= 0) {
        return null;
      }
      StringBuilder out =
          new StringBuilder("- MariaDB's work per operation during \"")
              .append(path)
              .append("\" (its global status counters, read before and after the window): ");
      boolean first = true;
      for (Map.Entry<String, String> counter : COUNTERS.entrySet()) {
        Long count = counters.get(counter.getKey());
        if (count == null) {
          continue;
        }
        if (!first) {
          out.append(", ");
        }
        first = false;
        out.append(
            String.format(Locale.ROOT, "%.2f %s", (double) count / operations, counter.getValue()));
      }
      return out.append('.').toString();
    }
  }

  private DatabaseStatements() {}

  /** The counters now, or an empty snapshot when MariaDB is not named or cannot be read. */
  static Snapshot snapshot() {
    String url = System.getProperty("bench.db.url");
    if (url == null || url.isBlank()) {
      return new Snapshot(Map.of());
    }
    Map<String, Long> counters = new LinkedHashMap<>();
    try (Connection connection =
            DriverManager.getConnection(
                url,
                System.getProperty("bench.db.user", ""),
                System.getProperty("bench.db.password", ""));
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                    + String.join("', '", COUNTERS.keySet())
                    + "')")) {
      while (rows.next()) {
        counters.put(rows.getString(1), Long.parseLong(rows.getString(2)));
      }
    } catch (SQLException | NumberFormatException e) {
      return new Snapshot(Map.of());
    }
    return new Snapshot(counters);
  }

  /**
   * The growth from {@code before} to {@code after}. The second reading's own connection and query
   * fall inside the window: a handful of statements against the thousands of operations measured.
   */
  static Window window(Snapshot before, Snapshot after) {
    if (before.counters().isEmpty() || after.counters().isEmpty()) {
      return Window.UNKNOWN;
    }
    Map<String, Long> grown = new LinkedHashMap<>();
    for (String name : COUNTERS.keySet()) {
      Long from = before.counters().get(name);
      Long to = after.counters().get(name);
      if (from != null && to != null) {
        grown.put(name, Math.max(0, to - from));
      }
    }
    return new Window(grown);
  }
}
