package org.pkiaas.issuance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Locale;
import org.pkiaas.issuance.boundary.CertificateIssued;
import org.pkiaas.metrics.boundary.PkiMetrics;

/** Counts certificates once their issuing transaction has committed: by channel and CA. */
@ApplicationScoped
public class IssuanceMeter {

  @Inject PkiMetrics metrics;

  void onIssued(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateIssued issued) {
    String channel =
        issued.channel() == null ? "other" : issued.channel().name().toLowerCase(Locale.ROOT);
    metrics.certificateIssued(channel, issued.certificate().caId());
  }
}
