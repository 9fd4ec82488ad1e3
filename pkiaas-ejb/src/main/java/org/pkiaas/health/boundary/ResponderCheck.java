package org.pkiaas.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.pkiaas.health.control.HealthFacts;
import org.pkiaas.health.control.HealthFacts.PublishingCa;

/**
 * Readiness: every CA that publishes status holds a delegated OCSP responder certificate that is
 * valid now (RFC 6960 §4.2.2.2): within its validity and not revoked or on hold. The {@code
 * service-certificate-renewal} job replaces them ahead of expiry. DOWN names the CAs.
 */
@ApplicationScoped
public class ResponderCheck implements HealthCheck {

  @Inject HealthFacts facts;

  @Override
  public HealthCheckResponse call() {
    return Checks.guarded(
        "pkiaas-ocsp-responders",
        builder -> {
          Instant now = Instant.now();
          List<PublishingCa> cas = facts.publishingCas(now);
          Set<String> valid = facts.responderNotAfters(now).keySet();
          List<PublishingCa> failing = cas.stream().filter(ca -> !valid.contains(ca.id())).toList();
          builder.withData("cas", cas.size()).withData("invalid", failing.size());
          if (failing.isEmpty()) {
            return builder.up();
          }
          return builder.down().withData("invalidResponders", Names.of(failing));
        });
  }
}
