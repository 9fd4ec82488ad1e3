package org.pkiaas.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the mail outbox drains. */
@Readiness
@ApplicationScoped
public class MailOutboxProbe extends Probe {

  public MailOutboxProbe() {
    super("pkiaas-mail-outbox");
  }
}
