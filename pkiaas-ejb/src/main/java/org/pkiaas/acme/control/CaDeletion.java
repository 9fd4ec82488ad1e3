package org.pkiaas.acme.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.pkiaas.ca.boundary.CaLifecycle;

/**
 * A deleted CA takes its ACME directory with it: challenges, authorizations, orders, accounts,
 * external account bindings and the CA's ACME policy go in the deleting transaction. It follows
 * {@link CaLifecycle.Stage#DELETED}, after every {@code DELETING} observer had its chance to
 * refuse.
 */
@Dependent
public class CaDeletion {

  /** Children before parents: each row's references are gone before it is. */
  private static final List<String> DELETIONS =
      List.of(
          "AcmeChallenge.deleteByCa",
          "AcmeAuthorization.deleteByCa",
          "AcmeOrder.deleteByCa",
          "AcmeAccount.deleteByCa",
          "ExternalAccountBinding.deleteByCa",
          "AcmePolicy.deleteByCa");

  @PersistenceContext EntityManager em;

  void onDeleted(@Observes CaLifecycle event) {
    if (event.stage() != CaLifecycle.Stage.DELETED) {
      return;
    }
    for (String query : DELETIONS) {
      em.createNamedQuery(query).setParameter("caId", event.ca().id()).executeUpdate();
    }
  }
}
