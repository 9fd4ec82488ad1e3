package org.pkiaas.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** PKIaaS's readiness checks by name, for the probes WildFly calls and for the health gauges. */
@ApplicationScoped
public class ReadinessChecks {

  @Inject DatabaseCheck database;

  @Inject MasterKeyCheck masterKey;

  @Inject CrlCheck crls;

  @Inject ResponderCheck responders;

  @Inject MailOutboxCheck outbox;

  @Inject BatchJobsCheck jobs;

  @Inject HsmLinkCheck hsmLinks;

  /** Each check under its name ({@code pkiaas-database} …), in the order of the operator guide. */
  public Map<String, Supplier<HealthCheckResponse>> byName() {
    Map<String, Supplier<HealthCheckResponse>> checks = new LinkedHashMap<>();
    checks.put("pkiaas-database", database::call);
    checks.put("pkiaas-master-key", masterKey::call);
    checks.put("pkiaas-crls", crls::call);
    checks.put("pkiaas-ocsp-responders", responders::call);
    checks.put("pkiaas-mail-outbox", outbox::call);
    checks.put("pkiaas-batch-jobs", jobs::call);
    checks.put("pkiaas-hsm-links", hsmLinks::call);
    return checks;
  }
}
