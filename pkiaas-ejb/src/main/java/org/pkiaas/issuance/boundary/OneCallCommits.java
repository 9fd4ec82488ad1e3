package org.pkiaas.issuance.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.persistence.CommitGroups;
import org.pkiaas.problem.DatabaseOutage;

/**
 * Stores the certificates of the one-call issuance ({@link CertificateRequests#issueAtOnce}) with
 * their request records, many to a transaction ({@link CommitGroups}, {@link
 * IssuanceService#recordAll}): each caller returns once its rows have committed, as it did with a
 * transaction of its own, while concurrent issuances share one connection checkout, one round trip
 * per kind of row and one commit.
 */
@ApplicationScoped
public class OneCallCommits {

  /** The most certificates stored in one transaction. */
  static final int MAX_GROUP = 64;

  @Inject IssuanceService issuance;

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
   * Returns once {@code signed} and {@code request} are committed. Call it with no transaction open
   * ({@link CommitGroups}).
   *
   * @throws RuntimeException what storing them threw; then neither is stored
   */
  public void record(CertificateIssued signed, CertificateRequest request) {
    groups.commit(new OneCall(signed, request));
  }
}
