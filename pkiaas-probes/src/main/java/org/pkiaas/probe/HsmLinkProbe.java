package org.pkiaas.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness, for information: which IoT-HSM devices of active CAs this node does not hear. */
@Readiness
@ApplicationScoped
public class HsmLinkProbe extends Probe {

  public HsmLinkProbe() {
    super("pkiaas-hsm-links");
  }
}
