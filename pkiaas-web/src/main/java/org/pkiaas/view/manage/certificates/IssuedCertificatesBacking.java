package org.pkiaas.view.manage.certificates;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pkiaas.certificate.boundary.CertificateFilter;
import org.pkiaas.certificate.boundary.CertificateOrder;
import org.pkiaas.certificate.boundary.Certificates;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.PagedModel;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Issued Certificates ({@code /manage/certificates/issued.xhtml}): the scoped CA's certificates,
 * paged by the server.
 */
@Named
@ViewScoped
public class IssuedCertificatesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Certificates certificates;

  @Inject Templates templates;

  @Inject ConsoleUser user;

  private String status;
  private String templateId;
  private String subject;
  private Integer expiresWithinDays;

  /** SUBSCRIBER (the default), SERVICE, or empty for any purpose. */
  private String kind = "SUBSCRIBER";

  private transient List<CertificateTemplate> templateList;
  private LazyDataModel<IssuedCertificate> model;

  @PostConstruct
  void init() {
    String caId = user.getCaId();
    model =
        new PagedModel<>(
            (page, size, sortBy) ->
                certificates.list(user.caller(), caId, filter(), order(sortBy), page, size),
            IssuedCertificate::id);
  }

  /**
   * The order the table asks for; a sortable column's {@code field} names a {@link
   * CertificateOrder.Column}.
   */
  private static CertificateOrder order(Map<String, SortMeta> sortBy) {
    PagedModel.Sort<CertificateOrder.Column> sort =
        PagedModel.sort(sortBy, CertificateOrder.Column.class);
    return sort == null
        ? CertificateOrder.NEWEST_FIRST
        : new CertificateOrder(sort.column(), sort.ascending());
  }

  CertificateFilter filter() {
    Instant before =
        expiresWithinDays == null ? null : Instant.now().plus(expiresWithinDays, ChronoUnit.DAYS);
    return new CertificateFilter(
            status, templateId, subject, expiresWithinDays == null ? null : Instant.now(), before)
        .withPurposes(purposes());
  }

  private Set<CertificatePurpose> purposes() {
    if ("SUBSCRIBER".equals(kind)) {
      return CertificatePurpose.SUBSCRIBER;
    }
    return "SERVICE".equals(kind) ? CertificatePurpose.SERVICE : null;
  }

  /**
   * Where a certificate stands today: its stored status, or EXPIRED once past notAfter (unless
   * revoked).
   */
  public String statusOf(IssuedCertificate certificate) {
    if (certificate.status() != CertificateStatus.REVOKED
        && certificate.notAfter().isBefore(Instant.now())) {
      return "EXPIRED";
    }
    return certificate.status().name();
  }

  public String templateName(String id) {
    return getTemplates().stream()
        .filter(t -> t.id().equals(id))
        .map(CertificateTemplate::name)
        .findFirst()
        .orElse("");
  }

  public List<CertificateTemplate> getTemplates() {
    if (templateList == null) {
      templateList = templates.list(user.caller(), user.getCaId());
    }
    return templateList;
  }

  public LazyDataModel<IssuedCertificate> getModel() {
    return model;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getTemplateId() {
    return templateId;
  }

  public void setTemplateId(String templateId) {
    this.templateId = templateId;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public Integer getExpiresWithinDays() {
    return expiresWithinDays;
  }

  public void setExpiresWithinDays(Integer expiresWithinDays) {
    this.expiresWithinDays = expiresWithinDays;
  }
}
