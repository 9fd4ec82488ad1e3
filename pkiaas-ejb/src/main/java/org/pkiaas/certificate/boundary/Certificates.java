package org.pkiaas.certificate.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.identity.Caller;
import org.pkiaas.paging.Page;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;

/**
 * The certificates the caller's CAs issued: filtered, paged lists and single certificates with
 * their chain.
 */
@Stateless
public class Certificates {

  private static final String KIND = "Certificate";
  private static final int MAX_PAGE_SIZE = 500;

  @PersistenceContext EntityManager em;

  @Inject CertificateAuthorities cas;

  public Page<IssuedCertificate> list(
      Caller caller, String caId, CertificateFilter filter, int page, int size) {
    return list(caller, caId, filter, CertificateOrder.NEWEST_FIRST, page, size);
  }

  /** One page of the CA's certificates that pass the filter, in the given order. */
  public Page<IssuedCertificate> list(
      Caller caller,
      String caId,
      CertificateFilter filter,
      CertificateOrder order,
      int page,
      int size) {
    CertificateAuthority ca = cas.get(caller, caId);
    Map<String, Object> parameters = new LinkedHashMap<>();
    String where = where(ca.id(), filter, parameters);
    return Page.read(
        em,
        IssuedCertificate.class,
        "FROM IssuedCertificate c",
        where,
        parameters,
        order.jpql(),
        page,
        size,
        MAX_PAGE_SIZE,
        "certificates");
  }

  public IssuedCertificate get(Caller caller, String certificateId) {
    IssuedCertificate certificate =
        certificateId == null ? null : em.find(IssuedCertificate.class, certificateId);
    if (certificate == null) {
      throw new NotFoundException(KIND, certificateId);
    }
    try {
      cas.get(caller, certificate.caId());
    } catch (NotFoundException e) {
      throw new NotFoundException(KIND, certificateId);
    }
    return certificate;
  }

  /** The certificate followed by its issuing CA and that CA's issuers, PEM. */
  public String chainPem(Caller caller, String certificateId) {
    IssuedCertificate certificate = get(caller, certificateId);
    CertificateAuthority ca = cas.get(caller, certificate.caId());
    return Pem.certificate(certificate.der()) + ca.certificateChainPem();
  }

  private static String where(
      String caId, CertificateFilter filter, Map<String, Object> parameters) {
    StringBuilder where = new StringBuilder(" WHERE c.caId = :caId");
    parameters.put("caId", caId);
    if (filter.status() != null && !filter.status().isBlank()) {
      String status = filter.status().trim().toUpperCase(Locale.ROOT);
      parameters.put("now", Instant.now());
      switch (status) {
        case "EXPIRED" -> where.append(" AND c.status <> :revoked AND c.notAfter <= :now");
        case "VALID", "ON_HOLD" -> where.append(" AND c.status = :status AND c.notAfter > :now");
        case "REVOKED" -> where.append(" AND c.status = :status");
        default ->
            throw new InvalidInputException(
                "status", "The status is VALID, REVOKED, ON_HOLD or EXPIRED");
      }
      if (status.equals("EXPIRED")) {
        parameters.put("revoked", CertificateStatus.REVOKED);
      } else {
        parameters.put("status", CertificateStatus.valueOf(status));
        if (status.equals("REVOKED")) {
          parameters.remove("now");
        }
      }
    }
    if (filter.templateId() != null && !filter.templateId().isBlank()) {
      where.append(" AND c.templateId = :templateId");
      parameters.put("templateId", filter.templateId());
    }
    if (filter.subject() != null && !filter.subject().isBlank()) {
      where.append(
          " AND (LOWER(c.subjectDn) LIKE :subject OR LOWER(c.subjectAltNames) LIKE :subject)");
      parameters.put(
          "subject", "%" + filter.subject().trim().toLowerCase(Locale.ROOT).replace("%", "") + "%");
    }
    if (filter.purposes() != null && !filter.purposes().isEmpty()) {
      where.append(" AND c.purpose IN :purposes");
      parameters.put("purposes", filter.purposes());
    }
    if (filter.expiresAfter() != null) {
      where.append(" AND c.notAfter >= :expiresAfter");
      parameters.put("expiresAfter", filter.expiresAfter());
    }
    if (filter.expiresBefore() != null) {
      where.append(" AND c.notAfter < :expiresBefore");
      parameters.put("expiresBefore", filter.expiresBefore());
    }
    return where.toString();
  }
}
