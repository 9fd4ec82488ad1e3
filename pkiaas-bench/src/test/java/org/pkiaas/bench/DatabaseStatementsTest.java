package org.pkiaas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseStatementsTest {

  @Test
  void windowDividesEachCounterByTheOperationsInTheLinesOrder() {
    // one reading's counters, another's grown by 200 SELECTs, 300 INSERTs, 900 statements and
    // 400 pings, 25 fsyncs, 60 pages read and 450 written
    Map<String, Long> before =
        Map.of(
            "Questions", 1_000L,
            "Com_select", 100L,
            "Innodb_data_fsyncs", 10L,
            "Com_insert", 0L,
            "Com_admin_commands", 7L,
            "Innodb_buffer_pool_reads", 50L,
            "Innodb_pages_written", 1_000L);
    Map<String, Long> after =
        Map.of(
            "Questions", 1_900L,
            "Com_select", 300L,
            "Innodb_data_fsyncs", 35L,
            "Com_insert", 300L,
            "Com_admin_commands", 407L,
            "Innodb_buffer_pool_reads", 110L,
            "Innodb_pages_written", 1_450L);
    DatabaseStatements.Window window =
        DatabaseStatements.window(
            new DatabaseStatements.Snapshot(before), new DatabaseStatements.Snapshot(after));
    assertEquals(
        "- MariaDB's work per operation during \"orders\" (its global status counters, read before"
            + " and after the window): 2.00 SELECT, 3.00 INSERT, 9.00 statements from clients in"
            + " all, 4.00 pings (the pool's validation at checkout) and other commands, 0.25 InnoDB"
            + " fsyncs, 0.60 InnoDB pages read from disk, 4.50 InnoDB pages written.",
        window.line("orders", 100));
  }

  @Test
  void noLineWithoutBothReadings() {
    DatabaseStatements.Window window =
        DatabaseStatements.window(
            new DatabaseStatements.Snapshot(Map.of()),
            new DatabaseStatements.Snapshot(Map.of("Questions", 5L)));
    assertNull(window.line("orders", 100));
    assertNull(DatabaseStatements.Window.UNKNOWN.line("orders", 100));
  }

  @Test
  void noReadingWithoutAUrl() {
    assertEquals(Map.of(), DatabaseStatements.snapshot().counters());
  }
}
