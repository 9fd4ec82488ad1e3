package org.pkiaas.acme.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import javax.sql.DataSource;

/**
 * The use of replay nonces (RFC 8555 §6.5): a nonce {@link NonceIssuer} made is accepted once, on
 * any node. Its use is a row whose primary key refuses a second use of the same nonce: one {@code
 * INSERT} per ACME request, whose refusal (SQLSTATE class 23) is the answer "used", with no read
 * before it. The insert goes through the transaction's own connection, not the entity manager: a
 * refused flush would mark the request's transaction for rollback, a refused statement does not.
 */
@Stateless
public class AcmeNonces {

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private static final String INSERT =
      "INSERT INTO acme_used_nonce (nonce, expires_at) VALUES (?, ?)";

  @PersistenceContext EntityManager em;

  @Inject NonceIssuer issuer;

  @Resource(lookup = "java:jboss/datasources/PkiaasDS")
  DataSource dataSource;

  /**
   * Whether the nonce is one of ours, unexpired and unused; its use is recorded in the caller's
   * transaction, so it commits with the request's work. A request that fails after this has its
   * nonce used up by {@link #useUp}.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean consume(String nonce) {
    Instant expires = issuer.expiry(nonce, Instant.now());
    if (expires == null) {
      return false;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, nonce);
      // as Hibernate writes an Instant here (hibernate.jdbc.time_zone=UTC): the purge compares
      insert.setTimestamp(2, Timestamp.from(expires), Calendar.getInstance(UTC));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (e instanceof SQLIntegrityConstraintViolationException
          || (e.getSQLState() != null && e.getSQLState().startsWith("23"))) {
        // used before, or at the same moment on another thread or node: its row came first
        return false;
      }
      throw new IllegalStateException("Recording the use of an ACME nonce failed", e);
    }
  }

  /**
   * Records the use of the nonce of a request that failed, whose transaction rolled its use back: a
   * failed request cannot be replayed either. Harmless when the nonce is used already.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void useUp(String nonce) {
    consume(nonce);
  }

  /** Forgets used nonces that have expired anyway; harmless when several nodes do it at once. */
  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void deleteExpired() {
    em.createNamedQuery("UsedNonce.deleteExpired")
        .setParameter("now", Instant.now())
        .executeUpdate();
  }
}
