package org.pkiaas.view.manage.account;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.audit.boundary.AuditVerification;
import org.pkiaas.audit.entity.AuditEvent;
import org.pkiaas.view.manage.ConsoleUser;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The audit log ({@code /manage/account/audit.xhtml}): the user's own events and those on the
 * user's CAs (all events for administrators), newest first, and the check of their chain.
 */
@Named
@ViewScoped
public class AuditLogBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AuditLog auditLog;

  @Inject AuditVerification verification;

  @Inject ConsoleUser user;

  private LazyDataModel<AuditEvent> model;

  private AuditVerification.Report report;

  @PostConstruct
  void init() {
    AuditLog log = auditLog;
    var caller = user.caller();
    model =
        new LazyDataModel<>() {
          private static final long serialVersionUID = 1L;

          @Override
          public int count(Map<String, FilterMeta> filterBy) {
            // The log has no count: report one more row than seen while full pages keep coming.
            return Integer.MAX_VALUE;
          }

          @Override
          public List<AuditEvent> load(
              int first,
              int pageSize,
              Map<String, SortMeta> sortBy,
              Map<String, FilterMeta> filterBy) {
            List<AuditEvent> page = log.read(caller, first, pageSize + 1);
            setRowCount(first + page.size());
            return page.size() > pageSize ? page.subList(0, pageSize) : page;
          }
        };
  }

  public LazyDataModel<AuditEvent> getModel() {
    return model;
  }

  /** Checks the chains this user may see; on demand, as it reads the whole log. */
  public void verify() {
    report = verification.verify(user.caller());
  }

  /** The last check's result, or null before the first. */
  public AuditVerification.Report getReport() {
    return report;
  }
}
