package org.pkiaas.view.manage;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.audit.entity.AuditEvent;
import org.pkiaas.certificate.boundary.CertificateFilter;
import org.pkiaas.certificate.boundary.Certificates;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.issuance.boundary.CertificateRequests;
import org.pkiaas.issuance.boundary.RequestQuery;
import org.pkiaas.issuance.entity.RequestStatus;

/**
 * The dashboard ({@code /manage/dashboard.xhtml}): the scoped CA at a glance, and the user's latest
 * actions.
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Certificates certificates;

  @Inject CertificateRequests requests;

  @Inject AuditLog auditLog;

  @Inject ConsoleUser user;

  /**
   * A labelled number: a count per status, or a bar of the expiry chart (height in percent of the
   * tallest).
   */
  public record Count(String label, long value, int percent) {}

  private final List<Count> statuses = new ArrayList<>();
  private final List<Count> expiring = new ArrayList<>();
  private long pending;
  private transient List<AuditEvent> activity;

  @PostConstruct
  void load() {
    for (String status : List.of("VALID", "ON_HOLD", "REVOKED", "EXPIRED")) {
      statuses.add(
          new Count(status, count(new CertificateFilter(status, null, null, null, null)), 0));
    }
    Instant now = Instant.now();
    long[] within = new long[3];
    for (int i = 0; i < 3; i++) {
      Instant until = now.plus(30L * (i + 1), ChronoUnit.DAYS);
      within[i] = count(new CertificateFilter("VALID", null, null, now, until));
    }
    long tallest = Math.max(1, within[2]);
    for (int i = 0; i < 3; i++) {
      expiring.add(
          new Count((30 * (i + 1)) + " days", within[i], (int) (within[i] * 100 / tallest)));
    }
    pending =
        requests
            .list(
                user.caller(),
                user.getCaId(),
                new RequestQuery(RequestStatus.PENDING, null, null, false),
                0,
                1)
            .total();
    activity = auditLog.read(user.caller(), 0, 10);
  }

  /**
   * Counts the certificates issued to subscribers only: the CA's own service certificates are not
   * its output.
   */
  private long count(CertificateFilter filter) {
    return certificates
        .list(
            user.caller(), user.getCaId(), filter.withPurposes(CertificatePurpose.SUBSCRIBER), 0, 1)
        .total();
  }

  public List<Count> getStatuses() {
    return statuses;
  }

  public List<Count> getExpiring() {
    return expiring;
  }

  public long getPending() {
    return pending;
  }

  public List<AuditEvent> getActivity() {
    if (activity == null) {
      activity = auditLog.read(user.caller(), 0, 10);
    }
    return activity;
  }
}
