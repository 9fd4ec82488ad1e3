package org.pkiaas.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class IncidentsTest {

  private static List<LogRecord> capture(Logger logger) {
    List<LogRecord> records = new ArrayList<>();
    logger.setUseParentHandlers(false);
    logger.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    return records;
  }

  private static RuntimeException failure(String message) {
    return new PersistenceException(
        "wrapped", new SQLNonTransientConnectionException(message, "08000"));
  }

  @Test
  void oneLinePerFailureAndOneStackTracePerCause() {
    Logger captured = Logger.getLogger("incidents-test-b-" + System.nanoTime());
    List<LogRecord> lines = capture(captured);
    String first = null;
    for (int i = 0; i < 50; i++) {
      // the same throw site each time: one cause
      String id =
          Incidents.log(
              captured, Level.WARNING, "request failed", failure("Connection is closed " + i));
      first = first == null ? id : first;
    }
    assertEquals(50, lines.size());
    assertNotNull(lines.get(0).getThrown());
    assertTrue(lines.get(0).getMessage().contains(first));
    assertTrue(lines.stream().skip(1).allMatch(r -> r.getThrown() == null));
    assertTrue(lines.get(7).getMessage().contains("Connection is closed 7"));
  }

  @Test
  void theTraceComesBackAfterTheInterval() {
    long now = System.nanoTime();
    assertTrue(Incidents.firstInInterval("cause-a", now));
    assertFalse(Incidents.firstInInterval("cause-a", now + 1));
    assertTrue(Incidents.firstInInterval("cause-b", now + 1));
    assertTrue(Incidents.firstInInterval("cause-a", now + Incidents.TRACE_INTERVAL.toNanos()));
  }

  @Test
  void recognisesALostDatabaseAnywhereInTheChain() {
    assertTrue(DatabaseOutage.isCause(new RuntimeException(failure("gone"))));
    assertTrue(
        DatabaseOutage.isCause(new SQLException("Database is already closed", "90098", 90098)));
    assertTrue(DatabaseOutage.isCause(new SQLException("Could not connect", "08S01")));
    assertFalse(DatabaseOutage.isCause(new SQLException("Data too long for column", "22001")));
    assertFalse(DatabaseOutage.isCause(new IllegalStateException("bug")));
  }
}
