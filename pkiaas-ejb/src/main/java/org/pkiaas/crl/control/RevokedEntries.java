package org.pkiaas.crl.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.RevocationReason;

/**
 * Streams a CA's CRL entries from the database into a {@link CrlEncoder}, reading only the four
 * columns an entry needs, never the certificates themselves, and never holding the rows: the
 * connection streams them ({@code fetchSize}) inside the caller's transaction.
 */
@Dependent
public class RevokedEntries {

  private static final int FETCH = 2000;

  @Resource(lookup = "java:jboss/datasources/PkiaasDS")
  DataSource dataSource;

  /** Every revoked or held certificate of the CA: the entries of a complete CRL. */
  public void complete(String caId, CrlEncoder encoder) {
    stream(
        "SELECT serial_number, status, revoked_at, revocation_reason, invalidity_date FROM issued_certificate"
            + " WHERE ca_id = ? AND status IN ('"
            + CertificateStatus.REVOKED
            + "', '"
            + CertificateStatus.ON_HOLD
            + "')",
        caId,
        null,
        encoder);
  }

  /**
   * Every status change since {@code since}: revocations and holds as they are, and releases from
   * hold as removeFromCRL (RFC 5280 §5.2.4, §5.3.1). Changes already on the base CRL may repeat,
   * which a relying party merges harmlessly.
   */
  public void changedSince(String caId, Instant since, CrlEncoder encoder) {
    stream(
        "SELECT serial_number, status, revoked_at, revocation_reason, invalidity_date, status_changed_at"
            + " FROM issued_certificate WHERE ca_id = ? AND status_changed_at >= ?",
        caId,
        since,
        encoder);
  }

  private void stream(String sql, String caId, Instant since, CrlEncoder encoder) {
    // Hibernate writes instants as UTC wall-clock times (hibernate.jdbc.time_zone): read them as
    // such, without the calendar arithmetic of getTimestamp(column, calendar), a million times over
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      statement.setFetchSize(FETCH);
      statement.setString(1, caId);
      if (since != null) {
        statement.setObject(2, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          BigInteger serial = new BigInteger(rows.getString(1), 16);
          CertificateStatus status = CertificateStatus.valueOf(rows.getString(2));
          if (status == CertificateStatus.VALID) {
            encoder.add(serial, instant(rows, 6), CrlEncoder.REMOVE_FROM_CRL, null);
            continue;
          }
          Instant revokedAt = instant(rows, 3);
          String reasonName = rows.getString(4);
          RevocationReason reason =
              reasonName == null
                  ? RevocationReason.UNSPECIFIED
                  : RevocationReason.valueOf(reasonName);
          encoder.add(serial, revokedAt, reason.code(), instant(rows, 5));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the revoked certificates of CA " + caId, e);
    }
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    LocalDateTime time = rows.getObject(column, LocalDateTime.class);
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }
}
