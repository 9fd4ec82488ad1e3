package org.pkiaas.health.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.pkiaas.probe.Probes;

/**
 * Hands the health checks to the probes WildFly calls ({@code /health/live}, {@code /health/ready}
 * on the management interface). WildFly's MicroProfile Health finds checks only in an EAR's
 * libraries, not in its EJB module, so the probes live in {@code lib/} (pkiaas-probes) and answer
 * with the checks registered here: DOWN ("still starting") until this bean has started.
 */
@Startup
@Singleton
public class ProbeRegistration {

  @Inject Alive alive;

  @Inject ReadinessChecks readiness;

  @PostConstruct
  void register() {
    Probes.register("pkiaas", alive::call);
    readiness.byName().forEach(Probes::register);
  }

  @PreDestroy
  void unregister() {
    Probes.clear();
  }
}
