package org.pkiaas.issuance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.issuance.boundary.CertificateIssued;

/**
 * Audits every certificate {@code IssuanceService} issues, in the issuing transaction, whatever the
 * channel.
 */
@ApplicationScoped
public class IssuanceAudit {

  @Inject AuditLog auditLog;

  void onIssued(@Observes CertificateIssued issued) {
    auditLog.certificateIssued(
        issued.certificate(),
        issued.certificate().auditSummary(),
        issued.issuedBy(),
        issued.caOwnerId());
  }
}
