package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pkiaas.certificate.entity.NameListJson;

/** V9 on the embedded database, over rows as V8 stored them. */
class V9RequestedAndApprovedNamesTest {

  @Test
  void commaJoinedNamesBecomeListsAndApprovedContentIsKeptApart() throws Exception {
    try (Connection connection =
        DriverManager.getConnection("jdbc:h2:mem:v9;DB_CLOSE_DELAY=-1", "sa", "")) {
      try (Statement v8 = connection.createStatement()) {
        v8.execute(
            "CREATE TABLE certificate_request (id VARCHAR(36) PRIMARY KEY, status VARCHAR(16) NOT NULL,"
                + " subject_dn VARCHAR(1000), subject_alt_names VARCHAR(4000))");
        v8.execute(
            "CREATE TABLE issued_certificate (id VARCHAR(36) PRIMARY KEY, subject_alt_names VARCHAR(4000))");
        v8.execute(
            "INSERT INTO certificate_request VALUES ('pending', 'PENDING', 'CN=asked',"
                + " 'DNS:a.example,URI:https://a.example/x,y,IP:192.0.2.1')");
        v8.execute(
            "INSERT INTO certificate_request VALUES ('approved', 'APPROVED', 'CN=alice', 'EMAIL:alice@example.test')");
        v8.execute("INSERT INTO certificate_request VALUES ('empty', 'ISSUED', '', NULL)");
        v8.execute(
            "INSERT INTO issued_certificate VALUES ('c1', 'URI:https://a.example/x,y,DNS:a.example')");
        v8.execute("INSERT INTO issued_certificate VALUES ('c2', NULL)");
      }

      new V9__Requested_and_approved_names().migrate(MigrationContexts.of(connection));

      try (Statement read = connection.createStatement()) {
        ResultSet pending =
            read.executeQuery("SELECT * FROM certificate_request WHERE id = 'pending'");
        pending.next();
        assertEquals(
            List.of("DNS:a.example", "URI:https://a.example/x,y", "IP:192.0.2.1"),
            NameListJson.read(pending.getString("subject_alt_names")));
        assertNull(pending.getString("approved_subject_dn"));
        assertNull(pending.getString("approved_subject_alt_names"));
        ResultSet approved =
            read.executeQuery("SELECT * FROM certificate_request WHERE id = 'approved'");
        approved.next();
        assertEquals("CN=alice", approved.getString("approved_subject_dn"));
        assertEquals(
            List.of("EMAIL:alice@example.test"),
            NameListJson.read(approved.getString("approved_subject_alt_names")));
        ResultSet empty = read.executeQuery("SELECT * FROM certificate_request WHERE id = 'empty'");
        empty.next();
        assertEquals("[]", empty.getString("subject_alt_names"));
        assertEquals("", empty.getString("approved_subject_dn"));
        ResultSet issued =
            read.executeQuery("SELECT subject_alt_names FROM issued_certificate WHERE id = 'c1'");
        issued.next();
        assertEquals(
            List.of("URI:https://a.example/x,y", "DNS:a.example"),
            NameListJson.read(issued.getString(1)));
        ResultSet none =
            read.executeQuery("SELECT subject_alt_names FROM issued_certificate WHERE id = 'c2'");
        none.next();
        assertNull(none.getString(1));
      }
    }
  }

  @Test
  void oldCommaJoinedNamesSplitOnlyBeforeAType() {
    assertEquals(
        List.of("DNS:a.example", "URI:https://x.example/a,b", "IP:192.0.2.1"),
        V9__Requested_and_approved_names.split(
            "DNS:a.example,URI:https://x.example/a,b,IP:192.0.2.1"));
    assertEquals(List.of(), V9__Requested_and_approved_names.split(""));
    assertEquals(List.of(), V9__Requested_and_approved_names.split(null));
  }
}
