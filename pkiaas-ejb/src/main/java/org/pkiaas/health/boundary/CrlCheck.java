package org.pkiaas.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.pkiaas.health.control.HealthFacts;
import org.pkiaas.health.control.HealthFacts.PublishingCa;

/**
 * Readiness: no CA that publishes status has a CRL past its nextUpdate (RFC 5280 §5.1.2.5). The
 * {@code crl-regeneration} job renews CRLs days ahead, so an expired one means the job is not
 * running or cannot sign. DOWN names the CAs.
 */
@ApplicationScoped
public class CrlCheck implements HealthCheck {

  @Inject HealthFacts facts;

  @Override
  public HealthCheckResponse call() {
    return Checks.guarded(
        "pkiaas-crls",
        builder -> {
          Instant now = Instant.now();
          List<PublishingCa> cas = facts.publishingCas(now);
          Map<String, Instant> nextUpdates = facts.crlNextUpdates();
          List<PublishingCa> failing =
              cas.stream()
                  .filter(ca -> nextUpdates.containsKey(ca.id()))
                  .filter(ca -> !nextUpdates.get(ca.id()).isAfter(now))
                  .toList();
          builder.withData("cas", cas.size()).withData("expired", failing.size());
          if (failing.isEmpty()) {
            return builder.up();
          }
          return builder.down().withData("expiredCrls", Names.of(failing));
        });
  }
}
