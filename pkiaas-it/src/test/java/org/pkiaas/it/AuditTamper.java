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
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Plays the insider with database access: a test-only WAR, deployed beside the EAR, that edits or
 * deletes an audit row through the server's own datasource, so the same test works on H2 (which
 * only the server can open) and on MariaDB. It goes around PKIaaS entirely, as a DBA would.
 */
final class AuditTamper {

  static final String DEPLOYMENT = "audit-tamper";

  private AuditTamper() {}

  static WebArchive war() {
    return ShrinkWrap.create(WebArchive.class, DEPLOYMENT + ".war").addClass(Servlet.class);
  }

  /** Sets the row's detail to {@code detail}, bypassing the application. */
  static void edit(String eventId, String detail) {
    send("edit", eventId, detail);
  }

  /** Deletes the row, bypassing the application. */
  static void delete(String eventId) {
    send("delete", eventId, "");
  }

  private static void send(String operation, String eventId, String detail) {
    String form =
        "operation="
            + operation
            + "&event="
            + eventId
            + "&detail="
            + URLEncoder.encode(detail, StandardCharsets.UTF_8);
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/" + DEPLOYMENT + "/rows"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build();
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || !"1".equals(response.body().strip())) {
        throw new AssertionError(
            "The audit row "
                + eventId
                + " was not changed: "
                + response.statusCode()
                + " "
                + response.body());
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @WebServlet("/rows")
  public static class Servlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:jboss/datasources/PkiaasDS")
    private transient DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String sql =
          "delete".equals(request.getParameter("operation"))
              ? "DELETE FROM audit_event WHERE id = ?"
              : "UPDATE audit_event SET detail = ? WHERE id = ?";
      try (Connection connection = dataSource.getConnection();
          PreparedStatement statement = connection.prepareStatement(sql)) {
        int index = 1;
        if (sql.startsWith("UPDATE")) {
          statement.setString(index++, request.getParameter("detail"));
        }
        statement.setString(index, request.getParameter("event"));
        response.getWriter().print(statement.executeUpdate());
      } catch (SQLException e) {
        response.sendError(500, e.getMessage());
      }
    }
  }
}
