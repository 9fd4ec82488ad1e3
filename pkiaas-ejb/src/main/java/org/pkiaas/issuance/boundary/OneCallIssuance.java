package org.pkiaas.issuance.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.identity.Caller;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.CertificateSigning;
import org.pkiaas.issuance.control.Channel;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.persistence.CommitGroups;
import org.pkiaas.problem.DatabaseOutage;
import org.pkiaas.template.control.IssuingTemplates;
import org.pkiaas.template.control.StoredTemplates;
import org.pkiaas.template.entity.CertificateTemplate;

/**
 * The one-call issuance: a CSR in, the certificate out, for a caller who may sign on the template;
 * the submit and sign of the queue ({@link CertificateRequests}) in one call, through the same
 * intake policy as the sign call ({@link Channel#ADMIN_CSR} with the caller's overrides).
 *
 * <p>It signs with no transaction open and stores the certificate with its request record many to a
 * transaction ({@link CommitGroups}, {@link IssuanceService#recordAll}): each caller returns once
 * its rows have committed, as it would with a transaction of its own, while concurrent issuances
 * share one connection checkout, one round trip per kind of row and one commit. A plain CDI bean,
 * not an enterprise bean: it needs no container transaction, and the lookup and the signature it
 * calls are plain CDI beans too, so a certificate pays no enterprise-bean invocation until its
 * group's {@code recordAll}.
 */
@ApplicationScoped
public class OneCallIssuance {

  /** The most certificates stored in one transaction. */
  static final int MAX_GROUP = 64;

  @Inject IssuingTemplates issuing;

  @Inject CertificateSigning signing;

  @Inject IssuanceService issuance;

  @Resource TransactionSynchronizationRegistry transactions;

  /** A signed certificate and the request record that traces it. */
  record OneCall(CertificateIssued signed, CertificateRequest request) {}

  private final CommitGroups<OneCall> groups =
      new CommitGroups<>(
          MAX_GROUP,
          calls ->
              issuance.recordAll(
                  calls.stream().map(OneCall::signed).toList(),
                  calls.stream().map(OneCall::request).toList()),
          failure -> !DatabaseOutage.isCause(failure));

  /**
   * Issues at once what a CSR asks under a template. The CSR is parsed and its signature verified
   * once; the request is kept in the queue's history as issued, so the certificate is traced to it
   * as every queued one is. The template and its CA are this node's recent reads of them ({@link
   * IssuingTemplates#enabledFor}), not a statement per certificate. The certificate and its request
   * record are committed before this returns; nothing else is written. Call it with no transaction
   * open: the lookups and the signature open none (a cache miss reads on a connection it returns at
   * once), so a call waiting for its group holds no connection its group's writer needs. Its
   * success is the issuance's {@code certificate.issue} event; a refusal is recorded as {@code
   * request.issue}.
   *
   * @throws IllegalStateException a transaction is open: a caller waiting here for its group must
   *     hold no connection, and CT logs must not be asked inside a transaction
   * @throws RuntimeException what refused the request, or what storing it threw; then nothing of it
   *     is stored
   */
  @Audited(value = "request.issue", objectType = "CERTIFICATE", recordSuccess = false)
  public IssuedCertificate issue(
      Caller caller, String templateId, String csrPem, SignOverrides overrides) {
    if (transactions.getTransactionKey() != null) {
      throw new IllegalStateException("The one call runs with no transaction open");
    }
    StoredTemplates.WithCa found = issuing.enabledFor(caller, templateId);
    CertificateTemplate template = found.template();
    CertificateAuthority ca = found.ca();
    CsrReader.Verified read = CsrReader.read("csr", csrPem);
    Request request = read.request();
    CertificateRequest record =
        CertificateRequests.csrRequest(caller, template, read.csr(), request);
    CertificateIssued signed =
        signing.sign(
            ca,
            template,
            CertificateRequests.adminCsr(request, overrides),
            record.id(),
            caller.username());
    // stored with its final state: one INSERT, no UPDATE
    record.issued(signed.certificate().id());
    groups.commit(new OneCall(signed, record));
    return signed.certificate();
  }
}
