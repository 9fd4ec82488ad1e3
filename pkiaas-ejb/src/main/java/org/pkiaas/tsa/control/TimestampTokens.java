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
 * The record of granted time stamps. {@link TimestampRecords} writes them in groups, each group in
 * a transaction of its own: one JDBC batch of plain inserts rather than a persisted entity each,
 * which cost a time stamp more than signing it (docs/BENCHMARKS.md, "Time stamps").
 */
@Stateless
public class TimestampTokens {

  private static final String INSERT =
      "INSERT INTO timestamp_token (serial_number, ca_id, protocol, gen_time, hash_algorithm,"
          + " message_imprint, policy, requester) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  @PersistenceContext EntityManager em;

  @Resource(lookup = "java:jboss/datasources/PkiaasDS")
  DataSource dataSource;

  /** Writes the tokens and commits, whatever transaction the caller is in. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordAll(List<TimestampToken> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (TimestampToken token : tokens) {
        insert.setString(1, token.serialNumber());
        insert.setString(2, token.caId());
        insert.setString(3, token.protocol().name());
        // as Hibernate writes an Instant here (hibernate.jdbc.time_zone=UTC)
        insert.setObject(4, LocalDateTime.ofInstant(token.genTime(), ZoneOffset.UTC));
        insert.setString(5, token.hashAlgorithm());
        insert.setString(6, token.messageImprint());
        insert.setString(7, token.policy());
        insert.setString(8, token.requester());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Recording " + tokens.size() + " time stamps failed", e);
    }
  }

  /** The stamps the CA granted over this hash (hex), oldest first. */
  public List<TimestampToken> byImprint(String caId, String imprintHex) {
    return em.createNamedQuery("TimestampToken.byCaAndImprint", TimestampToken.class)
        .setParameter("caId", caId)
        .setParameter("imprint", imprintHex)
        .getResultList();
  }
}
