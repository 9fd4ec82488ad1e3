package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.pkiaas.certificate.entity.NameListJson;

/**
 * Subject alternative names become JSON arrays instead of comma-joined strings (a URI holding a
 * comma was two names), and a request keeps what was asked for apart from what was approved.
 * Written in Java because splitting the old strings (a comma separates names only before a {@code
 * TYPE:}) is beyond portable SQL; it runs on H2 and MariaDB alike.
 */
public class V9__Requested_and_approved_names extends BaseJavaMigration {

  private static final Pattern SEPARATOR = Pattern.compile(",(?=(DNS|IP|EMAIL|URI|UPN):)");

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    boolean h2 =
        connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    String text = h2 ? "CLOB" : "LONGTEXT";
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("ALTER TABLE certificate_request ADD COLUMN approved_subject_dn VARCHAR(1000)");
      ddl.execute("ALTER TABLE certificate_request ADD COLUMN approved_subject_alt_names " + text);
      for (String table : List.of("certificate_request", "issued_certificate")) {
        ddl.execute(
            h2
                ? "ALTER TABLE " + table + " ALTER COLUMN subject_alt_names SET DATA TYPE " + text
                : "ALTER TABLE " + table + " MODIFY COLUMN subject_alt_names " + text);
      }
    }
    moveRequests(connection);
    moveCertificates(connection);
  }

  /**
   * Approved and issued requests had their approved content written over the requested: it is both,
   * now.
   */
  private static void moveRequests(Connection connection) throws SQLException {
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT id, subject_dn, subject_alt_names, status FROM certificate_request");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE certificate_request SET subject_alt_names = ?,"
                    + " approved_subject_dn = ?, approved_subject_alt_names = ? WHERE id = ?")) {
      while (rows.next()) {
        String names = NameListJson.write(split(rows.getString("subject_alt_names")));
        boolean approved = List.of("APPROVED", "ISSUED").contains(rows.getString("status"));
        String subject = rows.getString("subject_dn");
        update.setString(1, names);
        update.setString(2, approved ? (subject == null ? "" : subject) : null);
        update.setString(3, approved ? names : null);
        update.setString(4, rows.getString("id"));
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static void moveCertificates(Connection connection) throws SQLException {
    try (Statement select = connection.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT id, subject_alt_names FROM issued_certificate"
                    + " WHERE subject_alt_names IS NOT NULL");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE issued_certificate SET subject_alt_names = ? WHERE id = ?")) {
      while (rows.next()) {
        update.setString(1, NameListJson.write(split(rows.getString("subject_alt_names"))));
        update.setString(2, rows.getString("id"));
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** {@code DNS:a,URI:https://x/a,b} → {@code [DNS:a, URI:https://x/a,b]}. */
  static List<String> split(String joined) {
    List<String> names = new ArrayList<>();
    if (joined == null || joined.isBlank()) {
      return names;
    }
    for (String name : SEPARATOR.split(joined)) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    return names;
  }
}
