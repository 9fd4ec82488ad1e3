package org.pkiaas.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which {@code prepareStatement} the adapter calls on the driver's connection; what Connector/J
 * makes of each against a real MariaDB is {@code MariaDbDriverIT}'s.
 */
class MariaDbDriverTest {

  private final List<String> calls = new ArrayList<>();

  private final Connection driverConnection =
      (Connection)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                calls.add(method.getName() + (args == null ? "[]" : Arrays.toString(args)));
                if (method.getName().equals("isValid")) {
                  throw new SQLException("the database went away", "08S01");
                }
                if (method.getName().equals("unwrap")) {
                  return "the driver's own";
                }
                return null;
              });

  private final Connection connection = MariaDbDriver.withoutGeneratedKeys(driverConnection);

  @Test
  void forwardOnlyReadOnlyIsPreparedAsPlainStatement() throws SQLException {
    connection.prepareStatement(
        "insert into t (a) values (?)", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);

    assertEquals(List.of("prepareStatement[insert into t (a) values (?)]"), calls);
  }

  @Test
  void otherPreparationsPassUnchanged() throws SQLException {
    connection.prepareStatement(
        "select a from t", ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
    connection.prepareStatement(
        "select a from t", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
    connection.prepareStatement("insert into t (a) values (?)", Statement.RETURN_GENERATED_KEYS);
    PreparedStatement plain = connection.prepareStatement("update t set a = ?");

    assertEquals(
        List.of(
            "prepareStatement[select a from t, 1004, 1007]",
            "prepareStatement[select a from t, 1003, 1008]",
            "prepareStatement[insert into t (a) values (?), 1]",
            "prepareStatement[update t set a = ?]"),
        calls);
    assertEquals(null, plain);
  }

  @Test
  void theDriversErrorsComeOutAsThrown() {
    SQLException thrown = assertThrows(SQLException.class, () -> connection.isValid(1));

    assertEquals("08S01", thrown.getSQLState());
  }

  @Test
  void unwrapsToItselfOrTheDriversConnection() throws SQLException {
    assertSame(connection, connection.unwrap(Connection.class));
    assertTrue(connection.isWrapperFor(Connection.class));
    assertEquals("the driver's own", connection.unwrap(CharSequence.class));
    assertEquals("the driver's own", connection.unwrap(null), "the driver answers for null");
  }

  @Test
  void isEqualOnlyToItself() {
    Connection other = MariaDbDriver.withoutGeneratedKeys(driverConnection);

    assertEquals(connection, connection);
    assertNotEquals(connection, other);
    assertEquals(System.identityHashCode(connection), connection.hashCode());
    assertTrue(calls.isEmpty());
  }
}
