package org.pkiaas.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: every publishing CA has a valid OCSP responder certificate. */
@Readiness
@ApplicationScoped
public class ResponderProbe extends Probe {

  public ResponderProbe() {
    super("pkiaas-ocsp-responders");
  }
}
