package org.pkiaas.health.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.KeyBackend;
import org.pkiaas.ca.entity.ServicePurpose;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.signing.KeyReference;

/**
 * The facts the readiness checks judge, each read with one or two queries across every tenant,
 * outside any transaction. A failing query throws: the check that asked reports DOWN.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthFacts {

  private static final int VALIDATION_SECONDS = 2;

  @PersistenceContext EntityManager em;

  @Resource(lookup = "java:jboss/datasources/PkiaasDS")
  DataSource dataSource;

  /** A CA whose status services are expected to answer. */
  public record PublishingCa(String id, String name) {}

  /** An active CA whose key is on an IoT-HSM device. */
  public record DeviceCa(String id, String name, KeyReference key) {}

  /** The unsent mails: how many, and since when the oldest waits. */
  public record Backlog(long count, Optional<Instant> oldest) {}

  /**
   * A round trip to the database through the application's pool; the database's name and version.
   */
  public String database() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(VALIDATION_SECONDS)) {
        throw new SQLException(
            "the database did not answer within " + VALIDATION_SECONDS + " seconds");
      }
      DatabaseMetaData meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }
  }

  /** The key-check value stored at the first start, if any. */
  public Optional<String> storedKeyCheckValue() {
    List<?> stored =
        em.createNativeQuery("SELECT check_value FROM master_key_check WHERE id = 1")
            .getResultList();
    return stored.stream().map(String.class::cast).findFirst();
  }

  /**
   * CAs whose CRL and OCSP must answer now: active or retired, with a certificate that has not
   * expired.
   */
  public List<PublishingCa> publishingCas(Instant now) {
    List<PublishingCa> cas = new ArrayList<>();
    for (Object[] row :
        em.createQuery(
                "SELECT c.id, c.name FROM CertificateAuthority c"
                    + " WHERE c.status IN :statuses AND c.notAfter > :now ORDER BY c.name, c.id",
                Object[].class)
            .setParameter("statuses", List.of(CaStatus.ACTIVE, CaStatus.RETIRED))
            .setParameter("now", now)
            .getResultList()) {
      cas.add(new PublishingCa((String) row[0], (String) row[1]));
    }
    return cas;
  }

  /** Active CAs whose key is on an IoT-HSM device. */
  public List<DeviceCa> deviceCas() {
    return em.createQuery(
            "SELECT c FROM CertificateAuthority c WHERE c.status = :active"
                + " AND c.keyBackend = :hsm ORDER BY c.name, c.id",
            CertificateAuthority.class)
        .setParameter("active", CaStatus.ACTIVE)
        .setParameter("hsm", KeyBackend.HSM)
        .getResultStream()
        .map(ca -> new DeviceCa(ca.id(), ca.name(), ca.signingKey()))
        .toList();
  }

  /**
   * The nextUpdate of each CA's newest published CRL. A CA that never had a CRL built is not among
   * them: its first request builds one.
   */
  public Map<String, Instant> crlNextUpdates() {
    Map<String, Instant> next = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT p.caId, MAX(p.nextUpdate) FROM PublishedCrl p GROUP BY p.caId",
                Object[].class)
            .getResultList()) {
      next.put((String) row[0], (Instant) row[1]);
    }
    return next;
  }

  /**
   * The notAfter of each CA's OCSP responder certificate that is valid now (in its validity, not
   * revoked or on hold); the latest when it has several. A CA without one is not among them.
   */
  public Map<String, Instant> responderNotAfters(Instant now) {
    Map<String, Instant> notAfter = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT s.caId, MAX(i.notAfter) FROM ServiceCredential s, IssuedCertificate i"
                    + " WHERE i.id = s.certificateId AND s.purpose = :purpose"
                    + " AND i.status = :valid AND i.notBefore <= :now AND i.notAfter > :now"
                    + " GROUP BY s.caId",
                Object[].class)
            .setParameter("purpose", ServicePurpose.OCSP_RESPONDER)
            .setParameter("valid", CertificateStatus.VALID)
            .setParameter("now", now)
            .getResultList()) {
      notAfter.put((String) row[0], (Instant) row[1]);
    }
    return notAfter;
  }

  /** The mail outbox's unsent mails. */
  public Backlog mailBacklog() {
    Object[] row =
        em.createQuery(
                "SELECT COUNT(m), MIN(m.createdAt) FROM OutgoingMail m WHERE m.sentAt IS NULL",
                Object[].class)
            .getSingleResult();
    return new Backlog(((Number) row[0]).longValue(), Optional.ofNullable((Instant) row[1]));
  }
}
