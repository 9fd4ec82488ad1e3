package org.pkiaas.view.manage.certificates;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.issuance.boundary.BulkDecisions;
import org.pkiaas.issuance.boundary.CertificateRequests;
import org.pkiaas.issuance.boundary.RequestQuery;
import org.pkiaas.issuance.boundary.SignOverrides;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestStatus;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.NameLists;
import org.pkiaas.view.manage.PagedModel;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Pending Requests ({@code /manage/certificates/pending.xhtml}, user guide 2.6): the scoped CA's
 * request queue, bulk actions, and a dialog to change subject, names and validity before signing.
 */
@Named
@ViewScoped
public class PendingRequestsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CertificateRequests requests;

  @Inject BulkDecisions bulkDecisions;

  @Inject LoggedIssuance logged;

  @Inject Templates templates;

  @Inject ConsoleUser user;

  private RequestStatus status = RequestStatus.PENDING;
  private String search;
  private LazyDataModel<CertificateRequest> model;
  private transient List<CertificateRequest> selection = new ArrayList<>();
  private Map<String, String> templateNames;
  private String declineReason;
  private String reviewedId;
  private String overrideSubject;
  private String overrideNames;
  private Integer overrideValidityDays;
  private boolean reviewedHasCsr;

  @PostConstruct
  void load() {
    templateNames =
        templates.list(user.caller(), user.getCaId()).stream()
            .collect(Collectors.toMap(CertificateTemplate::id, CertificateTemplate::name));
    String caId = user.getCaId();
    model =
        new PagedModel<>(
            (page, size, sortBy) -> requests.list(user.caller(), caId, query(sortBy), page, size),
            CertificateRequest::id);
    selection = new ArrayList<>();
  }

  /**
   * The page's filter in the order the table asks for; a sortable column's {@code field} names a
   * {@link RequestQuery.Column}.
   */
  private RequestQuery query(Map<String, SortMeta> sortBy) {
    PagedModel.Sort<RequestQuery.Column> sort = PagedModel.sort(sortBy, RequestQuery.Column.class);
    return sort == null
        ? new RequestQuery(status, search, RequestQuery.Column.RECEIVED, false)
        : new RequestQuery(status, search, sort.column(), sort.ascending());
  }

  /**
   * A new filter: the selection is forgotten, the table asks the model for its first page again.
   */
  public void filter() {
    selection = new ArrayList<>();
  }

  public String templateName(String templateId) {
    return templateNames.getOrDefault(templateId, "(deleted)");
  }

  public void approveSelected() {
    bulk(BulkDecisions.Action.APPROVE, "approved");
  }

  public void signSelected() {
    bulk(BulkDecisions.Action.SIGN, "signed");
  }

  public void declineSelected() {
    bulk(BulkDecisions.Action.DECLINE, "declined");
  }

  public void resendSelected() {
    bulk(BulkDecisions.Action.RESEND, "sent again");
  }

  /**
   * Applies an action to each selected request through the same boundary as the API's bulk call;
   * each succeeds or fails on its own, and a failure names the request's subject.
   */
  private void bulk(BulkDecisions.Action action, String done) {
    if (selection == null || selection.isEmpty()) {
      Feedback.error("Select one or more requests first");
      return;
    }
    Map<String, String> subjects = new LinkedHashMap<>();
    selection.forEach(request -> subjects.putIfAbsent(request.id(), request.subjectDn()));
    List<BulkDecisions.Outcome> outcomes;
    try {
      outcomes =
          bulkDecisions.apply(
              user.caller(),
              action,
              List.copyOf(subjects.keySet()),
              SignOverrides.NONE,
              declineReason);
    } catch (PkiaasException e) {
      Feedback.error(e.getMessage());
      return;
    }
    long succeeded = outcomes.stream().filter(BulkDecisions.Outcome::ok).count();
    outcomes.stream()
        .filter(outcome -> !outcome.ok())
        .forEach(outcome -> Feedback.error(subjects.get(outcome.id()) + ": " + outcome.detail()));
    if (succeeded > 0) {
      Feedback.info(succeeded + " request" + (succeeded == 1 ? "" : "s") + " " + done);
    }
    selection = new ArrayList<>();
  }

  public void review(String requestId) {
    CertificateRequest request = requests.get(user.caller(), requestId);
    reviewedId = request.id();
    reviewedHasCsr = request.csr() != null;
    overrideSubject =
        request.approvedSubjectDn() != null ? request.approvedSubjectDn() : request.subjectDn();
    overrideNames =
        NameLists.lines(
            request.approvedSubjectAltNames() != null
                ? request.approvedSubjectAltNames()
                : request.subjectAltNames());
    overrideValidityDays =
        request.validityDays() != null
            ? request.validityDays()
            : templates
                .get(user.caller(), request.templateId())
                .settings()
                .general()
                .validityDays();
  }

  public void signReviewed() {
    decideReviewed(true);
  }

  public void approveReviewed() {
    decideReviewed(false);
  }

  private void decideReviewed(boolean sign) {
    SignOverrides overrides =
        new SignOverrides(overrideSubject, NameLists.parse(overrideNames), overrideValidityDays);
    try {
      if (sign) {
        var issued = logged.run(() -> requests.sign(user.caller(), reviewedId, overrides));
        Feedback.info(
            "Signed: certificate " + issued.serialNumber() + " for " + issued.subjectDn());
      } else {
        requests.approve(user.caller(), reviewedId, overrides);
        Feedback.info("Approved: the requester can now claim the certificate");
      }
      selection = new ArrayList<>();
    } catch (PkiaasException e) {
      Feedback.refused("review", e);
    }
  }

  public void declineReviewed() {
    try {
      requests.decline(user.caller(), reviewedId, declineReason);
      Feedback.info("Declined");
      selection = new ArrayList<>();
    } catch (PkiaasException e) {
      Feedback.refused("review", e);
    }
  }

  /** Sends the claim mail of one approved request again, with a fresh link. */
  public void resend(String requestId) {
    try {
      CertificateRequest request = requests.resend(user.caller(), requestId).request();
      Feedback.info("The claim link is sent again to " + request.requesterEmail());
    } catch (PkiaasException e) {
      Feedback.refused(null, e);
    }
  }

  public LazyDataModel<CertificateRequest> getModel() {
    return model;
  }

  public List<CertificateRequest> getSelection() {
    return selection;
  }

  public void setSelection(List<CertificateRequest> selection) {
    this.selection = selection;
  }

  public RequestStatus[] getStatuses() {
    return RequestStatus.values();
  }

  public RequestStatus getStatus() {
    return status;
  }

  public void setStatus(RequestStatus status) {
    this.status = status;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }

  public String getDeclineReason() {
    return declineReason;
  }

  public void setDeclineReason(String declineReason) {
    this.declineReason = declineReason;
  }

  public boolean isReviewedHasCsr() {
    return reviewedHasCsr;
  }

  public String getOverrideSubject() {
    return overrideSubject;
  }

  public void setOverrideSubject(String overrideSubject) {
    this.overrideSubject = overrideSubject;
  }

  public String getOverrideNames() {
    return overrideNames;
  }

  public void setOverrideNames(String overrideNames) {
    this.overrideNames = overrideNames;
  }

  public Integer getOverrideValidityDays() {
    return overrideValidityDays;
  }

  public void setOverrideValidityDays(Integer overrideValidityDays) {
    this.overrideValidityDays = overrideValidityDays;
  }
}
