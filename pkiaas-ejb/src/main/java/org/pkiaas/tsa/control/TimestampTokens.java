package org.pkiaas.tsa.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.pkiaas.tsa.entity.TimestampToken;

/**
 * The record of granted time stamps. {@link TimestampRecords} writes them in groups, each group as
 * one multi-row {@code INSERT} on a connection in auto-commit mode: one statement, so the group is
 * written whole or not at all, and one commit. A persisted entity per token cost a time stamp more
 * than signing it; a JDBC batch inside a container transaction still cost the database a statement
 * per token plus five more per group (validation, two auto-commit switches, the commit), which the
 * single statement reduces to two (docs/BENCHMARKS.md, "Time stamps").
 */
@Stateless
public class TimestampTokens {

  private static final String INSERT =
      "INSERT INTO timestamp_token (serial_number, ca_id, protocol, gen_time, hash_algorithm,"
          + " message_imprint, policy, requester) VALUES ";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

  @PersistenceContext EntityManager em;

  @Resource(lookup = "java:jboss/datasources/PkiaasDS")
  DataSource dataSource;

  /**
   * Writes the tokens in one statement, committed when it returns; outside any container
   * transaction, so a caller's transaction neither holds nor undoes them.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void recordAll(List<TimestampToken> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(insert(tokens.size()))) {
      int column = 0;
      for (TimestampToken token : tokens) {
        insert.setString(++column, token.serialNumber());
        insert.setString(++column, token.caId());
        insert.setString(++column, token.protocol().name());
        // as Hibernate writes an Instant here (hibernate.jdbc.time_zone=UTC)
        insert.setObject(++column, LocalDateTime.ofInstant(token.genTime(), ZoneOffset.UTC));
        insert.setString(++column, token.hashAlgorithm());
        insert.setString(++column, token.messageImprint());
        insert.setString(++column, token.policy());
        insert.setString(++column, token.requester());
      }
      insert.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Recording " + tokens.size() + " time stamps failed", e);
    }
  }

  /** The statement that inserts {@code rows} tokens. */
  private static String insert(int rows) {
    StringBuilder statement = new StringBuilder(INSERT.length() + rows * (ROW.length() + 2));
    statement.append(INSERT).append(ROW);
    for (int row = 1; row < rows; row++) {
      statement.append(", ").append(ROW);
    }
    return statement.toString();
  }

  /** The stamps the CA granted over this hash (hex), oldest first. */
  public List<TimestampToken> byImprint(String caId, String imprintHex) {
    return em.createNamedQuery("TimestampToken.byCaAndImprint", TimestampToken.class)
        .setParameter("caId", caId)
        .setParameter("imprint", imprintHex)
        .getResultList();
  }
}
