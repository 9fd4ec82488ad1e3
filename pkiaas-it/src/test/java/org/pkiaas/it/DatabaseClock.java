package org.pkiaas.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Moves a stored point in time, as if the clock had run on: a test-only WAR, deployed beside the
 * EAR, that shifts one of a few known timestamp columns through the server's own datasource (so it
 * works on H2, which only the server can open, and on MariaDB). Health tests use it to age a CRL or
 * a responder certificate without waiting days, the NDES tests a one-time password.
 */
final class DatabaseClock {

  static final String DEPLOYMENT = "database-clock";

  /** What may be shifted: the column, and the table's key that picks the rows. */
  enum Column {
    CRL_NEXT_UPDATE("published_crl", "next_update", "ca_id"),
    CERTIFICATE_NOT_AFTER("issued_certificate", "not_after", "id"),
    SCEP_CHALLENGE_EXPIRES_AT("scep_challenge", "expires_at", "template_id");

    final String table;
    final String column;
    final String key;

    Column(String table, String column, String key) {
      this.table = table;
      this.column = column;
      this.key = key;
    }
  }

  private DatabaseClock() {}

  static WebArchive war() {
    return ShrinkWrap.create(WebArchive.class, DEPLOYMENT + ".war")
        .addClasses(Servlet.class, Column.class);
  }

  /** Shifts {@code column} of the rows whose key is {@code key} by {@code by}; returns the rows. */
  static int shift(Column column, String key, Duration by) {
    String form =
        "column="
            + column.name()
            + "&key="
            + URLEncoder.encode(key, StandardCharsets.UTF_8)
            + "&seconds="
            + by.toSeconds();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/" + DEPLOYMENT + "/shift"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "could not shift " + column + ": " + response.statusCode() + " " + response.body());
      }
      return Integer.parseInt(response.body().strip());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @WebServlet("/shift")
  public static class Servlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:jboss/datasources/PkiaasDS")
    private transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Column column = Column.valueOf(request.getParameter("column"));
      String key = request.getParameter("key");
      long millis = Long.parseLong(request.getParameter("seconds")) * 1000;
      String select =
          "SELECT id, " + column.column + " FROM " + column.table + " WHERE " + column.key + " = ?";
      String update = "UPDATE " + column.table + " SET " + column.column + " = ? WHERE id = ?";
      try (Connection connection = dataSource.getConnection()) {
        List<Map.Entry<String, Timestamp>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
          statement.setString(1, key);
          try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
              rows.add(Map.entry(result.getString(1), result.getTimestamp(2)));
            }
          }
        }
        for (Map.Entry<String, Timestamp> row : rows) {
          try (PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setTimestamp(1, new Timestamp(row.getValue().getTime() + millis));
            statement.setString(2, row.getKey());
            statement.executeUpdate();
          }
        }
        response.getWriter().print(rows.size());
      } catch (SQLException e) {
        response.sendError(500, e.getMessage());
      }
    }
  }
}
