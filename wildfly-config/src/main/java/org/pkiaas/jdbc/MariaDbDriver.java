package org.pkiaas.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * MariaDB Connector/J, with one call mapped on its connections: {@code prepareStatement(sql,
 * TYPE_FORWARD_ONLY, CONCUR_READ_ONLY)} becomes the one-argument {@code prepareStatement(sql)},
 * which by the JDBC specification asks for the same statement.
 *
 * <p>WildFly's pool (IronJacamar) prepares every statement the application asks for with the
 * three-argument call. Connector/J 3 answers that call with a statement that returns generated keys
 * ({@code Statement.RETURN_GENERATED_KEYS}), and it sends a batch of such statements one statement
 * per row, because before MariaDB 11.5 (the {@code BULK_UNIT_RESULTS} capability) a bulk command
 * cannot return a key per row; without generated keys, a batch of INSERTs goes to the server as one
 * {@code COM_STMT_BULK_EXECUTE} in the binary protocol. Nothing in PKIaaS reads generated keys
 * through such a statement: its rows carry their own keys, and Hibernate asks for generated keys
 * with {@code prepareStatement(sql, RETURN_GENERATED_KEYS)} or with column names, which pass here
 * unchanged. Batches of UPDATEs keep their exact row counts ({@code useBulkStmts} stays off), so
 * optimistic locking still sees a row it missed.
 *
 * <p>Everything else is Connector/J's own: the URL, the properties, the statements, the errors.
 * WildFly loads this class as the data source's driver class from module {@code org.pkiaas.jdbc}
 * ({@code cli/datasource-mariadb.cli}); it registers nothing with {@code DriverManager}.
 */
public final class MariaDbDriver implements Driver {

  private static final Method PREPARE_WITH_TYPE = method("prepareStatement", 3);

  private final Driver mariadb = new org.mariadb.jdbc.Driver();

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    Connection connection = mariadb.connect(url, info);
    return connection == null ? null : withoutGeneratedKeys(connection);
  }

  /** {@code connection}, with forward-only read-only statements prepared as plain ones. */
  static Connection withoutGeneratedKeys(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            MariaDbDriver.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new PlainStatements(connection));
  }

  @Override
  public boolean acceptsURL(String url) throws SQLException {
    return mariadb.acceptsURL(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    return mariadb.getPropertyInfo(url, info);
  }

  @Override
  public int getMajorVersion() {
    return mariadb.getMajorVersion();
  }

  @Override
  public int getMinorVersion() {
    return mariadb.getMinorVersion();
  }

  @Override
  public boolean jdbcCompliant() {
    return mariadb.jdbcCompliant();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return mariadb.getParentLogger();
  }

  private static Method method(String name, int parameters) {
    Class<?>[] types = new Class<?>[parameters];
    types[0] = String.class;
    for (int i = 1; i < parameters; i++) {
      types[i] = int.class;
    }
    try {
      return Connection.class.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Passes every call to the driver's connection but the one described above. */
  private record PlainStatements(Connection connection) implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (PREPARE_WITH_TYPE.equals(method)
          && (int) args[1] == ResultSet.TYPE_FORWARD_ONLY
          && (int) args[2] == ResultSet.CONCUR_READ_ONLY) {
        return connection.prepareStatement((String) args[0]);
      }
      switch (method.getName()) {
        case "equals":
          return args.length == 1 && proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "MariaDbDriver connection over " + connection;
        case "unwrap":
          if (args[0] instanceof Class<?> type && type.isInstance(proxy)) {
            return proxy;
          }
          break;
        case "isWrapperFor":
          if (args[0] instanceof Class<?> type && type.isInstance(proxy)) {
            return true;
          }
          break;
        default:
          break;
      }
      try {
        return method.invoke(connection, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
