package org.pkiaas.issuance.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.identity.Caller;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestStatus;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.PkiaasException;

/**
 * One decision on many queued requests, for the REST API and the console alike: each request in a
 * transaction of its own (so one failure undoes none of the others, and a CT issuance may wait on
 * the logs with none open), at most {@value #MAX_REQUESTS} requests a call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkDecisions {

  /** The most requests one call acts on; a longer list is refused whole, naming {@code ids}. */
  public static final int MAX_REQUESTS = 500;

  /** What to do with each request. */
  public enum Action {
    SIGN,
    APPROVE,
    DECLINE,
    RESEND;

    /** The action a caller named, in any case; refused naming the field {@code action}. */
    public static Action parse(String name) {
      try {
        return valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("action", "The action is sign, approve, decline or resend");
      }
    }
  }

  /**
   * What became of one request.
   *
   * @param status the request's status after the action; null when it failed
   * @param certificateId the certificate issued, once there is one
   * @param detail why it failed; null when it did not
   */
  public record Outcome(
      String id, boolean ok, RequestStatus status, String certificateId, String detail) {

    static Outcome of(CertificateRequest request) {
      return new Outcome(request.id(), true, request.status(), request.certificateId(), null);
    }
  }

  @Inject CertificateRequests requests;

  @Inject LoggedIssuance logged;

  /**
   * Applies {@code action} to each request in {@code ids}, in their order, with one outcome per id
   * in the same order; {@code overrides} apply to sign and approve, {@code reason} to decline.
   */
  public List<Outcome> apply(
      Caller caller, Action action, List<String> ids, SignOverrides overrides, String reason) {
    Objects.requireNonNull(action, "action");
    List<Outcome> outcomes = new ArrayList<>(checked(ids).size());
    for (String id : ids) {
      try {
        outcomes.add(decide(caller, action, id, overrides, reason));
      } catch (PkiaasException e) {
        outcomes.add(new Outcome(id, false, null, null, e.getMessage()));
      }
    }
    return outcomes;
  }

  private Outcome decide(
      Caller caller, Action action, String id, SignOverrides overrides, String reason) {
    return switch (action) {
      case SIGN -> {
        IssuedCertificate issued = logged.run(() -> requests.sign(caller, id, overrides));
        yield new Outcome(id, true, RequestStatus.ISSUED, issued.id(), null);
      }
      case APPROVE -> Outcome.of(requests.approve(caller, id, overrides).request());
      case RESEND -> Outcome.of(requests.resend(caller, id).request());
      case DECLINE -> Outcome.of(requests.decline(caller, id, reason));
    };
  }

  /** The ids, if there are some and not too many. */
  static List<String> checked(List<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw new InvalidInputException("ids", "List the ids of the requests to act on");
    }
    if (ids.size() > MAX_REQUESTS) {
      throw new InvalidInputException(
          "ids",
          "At most "
              + MAX_REQUESTS
              + " requests at once ("
              + ids.size()
              + " were given): act on them in several rounds");
    }
    return ids;
  }
}
