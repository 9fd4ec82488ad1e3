package org.pkiaas.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.pkiaas.health.control.HealthFacts;
import org.pkiaas.health.control.HealthFacts.DeviceCa;
import org.pkiaas.health.control.HealthFacts.PublishingCa;
import org.pkiaas.signing.DeviceLinks;

/**
 * Readiness, for information: how many active CAs have their key on an IoT-HSM device, and which of
 * those devices this node does not hear now ({@code offline}, {@code offlineCas}). It stays UP with
 * devices away: their CAs fail fast on their own, while this node's other CAs, and every CA's CRL
 * and OCSP, keep serving, so a balancer must not take the node out for it. MicroProfile Health
 * knows only UP and DOWN, so the "degraded" state is data: {@code degraded} is {@code true} while a
 * device is away. Alert on it or on the {@code pkiaas_hsm_signature_time_seconds} timer's failures.
 */
@ApplicationScoped
public class HsmLinkCheck implements HealthCheck {

  @Inject HealthFacts facts;

  @Inject DeviceLinks links;

  @Override
  public HealthCheckResponse call() {
    return Checks.guarded(
        "pkiaas-hsm-links",
        builder -> {
          List<DeviceCa> cas = facts.deviceCas();
          List<PublishingCa> offline =
              cas.stream()
                  .filter(ca -> links.state(ca.key()).map(state -> !state.online()).orElse(true))
                  .map(ca -> new PublishingCa(ca.id(), ca.name()))
                  .toList();
          builder
              .up()
              .withData("hsmCas", cas.size())
              .withData("offline", offline.size())
              .withData("degraded", !offline.isEmpty());
          return offline.isEmpty() ? builder : builder.withData("offlineCas", Names.of(offline));
        });
  }
}
