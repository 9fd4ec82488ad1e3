package org.pkiaas.ocsp.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.certificate.entity.CertificatePurpose;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.crl.control.CrlStates;
import org.pkiaas.revocation.boundary.CertificateRevoked;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.template.control.IssuingTemplates;
import org.pkiaas.tsa.control.TsaUnits;

/**
 * Keeps this node's OCSP caches true. A status change made here evicts the certificate as soon as
 * its transaction commits; a change made on another node shows up as a new revision of its CA
 * (crl_state), which this watcher polls every two seconds, and evicts the whole CA. Retiring a CA
 * moves its revision too, and deleting one removes its row: either way this node drops the CA's
 * cached answers, responder, time-stamping unit and signer, and what issuance read of CAs and
 * templates ({@link IssuingTemplates}). A revoked responder or time-stamping certificate drops the
 * CA's responder or unit, so the next request issues a new one. Each beat also drops the
 * time-stamping units whose CA changed elsewhere (timestamping turned off, another policy).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StatusWatcher {

  private static final Logger LOG = Logger.getLogger(StatusWatcher.class.getName());
  private static final long PERIOD_MILLIS = 2000;

  @Resource TimerService timers;

  @Inject CrlStates states;

  @Inject OcspCache cache;

  @Inject Responders responders;

  @Inject CaSigners signers;

  @Inject TsaUnits tsaUnits;

  @Inject IssuingTemplates issuing;

  private final Map<String, Long> known = new HashMap<>();

  @PostConstruct
  void start() {
    timers.createIntervalTimer(
        PERIOD_MILLIS, PERIOD_MILLIS, new TimerConfig("ocsp-status-watch", false));
  }

  /**
   * Outside a transaction: the read has its own, so a database outage is caught here as one skipped
   * beat, not a failed timer transaction that the container logs and retries.
   */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  synchronized void poll() {
    try {
      Map<String, Long> revisions = states.revisions();
      revisions.forEach(
          (caId, revision) -> {
            Long before = known.put(caId, revision);
            if (before == null) {
              // Answers this node cached before it first saw the CA's revision may predate a
              // change made elsewhere in between (a CA made, queried here and revoked on another
              // node within one beat): only the answers go, the responder and signer stay.
              cache.forgetCa(caId);
            } else if (!before.equals(revision)) {
              forgetCa(caId);
            }
          });
      known
          .keySet()
          .removeIf(
              caId -> {
                boolean deleted = !revisions.containsKey(caId);
                if (deleted) {
                  forgetCa(caId);
                }
                return deleted;
              });
      tsaUnits.forgetChanged();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Status watch skipped a beat", e);
    }
  }

  private void forgetCa(String caId) {
    // first what issuance read of the CA, so no issuance here makes its signer again from a CA
    // that still looks active
    issuing.forgetAll();
    cache.forgetCa(caId);
    responders.forget(caId);
    tsaUnits.forget(caId);
    signers.forget(caId);
  }

  public void onStatusChange(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked event) {
    IssuedCertificate certificate = event.certificate();
    cache.forget(certificate.caId(), certificate.serialNumber());
    if (certificate.purpose() == CertificatePurpose.OCSP_RESPONDER) {
      responders.forget(certificate.caId());
      cache.forgetCa(certificate.caId());
    }
    if (certificate.purpose() == CertificatePurpose.TIMESTAMPING) {
      tsaUnits.forget(certificate.caId());
    }
  }
}
