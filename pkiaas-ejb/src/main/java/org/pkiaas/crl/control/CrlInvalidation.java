package org.pkiaas.crl.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.pkiaas.revocation.boundary.CertificateRevoked;

/** Marks a CA's CRLs stale in the very transaction that changes one of its certificates' status. */
@ApplicationScoped
public class CrlInvalidation {

  @Inject CrlStates states;

  void onStatusChange(@Observes CertificateRevoked event) {
    states.changed(event.certificate().caId());
  }
}
