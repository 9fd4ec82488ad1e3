package org.pkiaas.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognises a failure whose cause is that the database cannot be reached (stopped, restarting,
 * network gone, pool unable to open a connection), so that each interface can answer "try again
 * soon" in its own language instead of an internal error. The pool evicts the broken connections
 * (see the datasource settings in {@code wildfly-config}), so such a failure heals by itself.
 */
public final class DatabaseOutage {

  /** What interfaces put in Retry-After: the pool validates connections on every borrow. */
  public static final int RETRY_AFTER_SECONDS = 10;

  /**
   * H2: the database is closed or being closed (DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN).
   */
  private static final int H2_CLOSED = 90098;

  private static final int H2_SHUTDOWN = 90121;

  private DatabaseOutage() {}

  /**
   * Whether anything in the failure's cause chain says the database connection is lost or cannot be
   * made.
   */
  public static boolean isCause(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable current = failure;
        current != null && seen.put(current, true) == null;
        current = current.getCause()) {
      if (current instanceof SQLException sql && connectionLost(sql)) {
        return true;
      }
      String name = current.getClass().getName();
      if (name.equals("org.hibernate.exception.JDBCConnectionException")
          || name.equals("jakarta.resource.ResourceException")
              && String.valueOf(current.getMessage()).contains("IJ0")) {
        return true;
      }
    }
    return false;
  }

  private static boolean connectionLost(SQLException sql) {
    String state = sql.getSQLState();
    return sql instanceof SQLTransientConnectionException
        || sql instanceof SQLNonTransientConnectionException
        || state != null && state.startsWith("08")
        || sql.getErrorCode() == H2_CLOSED
        || sql.getErrorCode() == H2_SHUTDOWN;
  }
}
