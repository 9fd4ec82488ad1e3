package org.pkiaas.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: no publishing CA's CRL is past its nextUpdate. */
@Readiness
@ApplicationScoped
public class CrlProbe extends Probe {

  public CrlProbe() {
    super("pkiaas-crls");
  }
}
