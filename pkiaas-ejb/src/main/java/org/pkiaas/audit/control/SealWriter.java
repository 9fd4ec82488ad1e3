package org.pkiaas.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes the chain positions and MACs of a sealing batch in one JDBC batch, inside the caller's
 * transaction. Sealing touches three columns of each event; writing them through managed entities
 * costs a dirty check and an every-column {@code UPDATE} with its own round trip per event, which
 * is most of what sealing costs the server (docs/BENCHMARKS.md, "audit sealing").
 */
@Dependent
public class SealWriter {

  /** One event's place in its chain. */
  public record Seal(String eventId, long seq, String previousMac, String mac) {}

  private static final String UPDATE =
      "UPDATE audit_event SET chain_seq = ?, previous_mac = ?, mac = ?"
          + " WHERE id = ? AND chain_seq IS NULL";

  @Resource(lookup = "java:jboss/datasources/PkiaasDS")
  DataSource dataSource;

  /**
   * Seals the events; fails (and so rolls the caller's transaction back) if any of them was not
   * found unsealed.
   */
  public void write(List<Seal> seals) {
    if (seals.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(UPDATE)) {
      for (Seal seal : seals) {
        update.setLong(1, seal.seq());
        update.setString(2, seal.previousMac());
        update.setString(3, seal.mac());
        update.setString(4, seal.eventId());
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        // drivers that send the batch in one go may not count rows per statement
        if (counts[i] != 1 && counts[i] != Statement.SUCCESS_NO_INFO) {
          throw new IllegalStateException(
              "Audit event " + seals.get(i).eventId() + " was sealed by someone else");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Writing the audit chain failed", e);
    }
  }
}
