package org.pkiaas.jobs.control;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import org.pkiaas.config.ServiceRenewalSettings;
import org.pkiaas.ocsp.control.ResponderStore;
import org.pkiaas.ocsp.control.Responders;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.scep.control.RegistrationAuthorities;
import org.pkiaas.tsa.control.TsaCertificates;
import org.pkiaas.tsa.control.TsaUnits;

/**
 * The service-certificate-renewal job, one CA: issues its next OCSP responder certificate, its next
 * time-stamping certificate if it has stamped before and its next SCEP RA certificate if it has had
 * one, when the current one expires within the margin or was revoked; a CA whose service
 * certificates are good for longer is filtered out.
 */
@Named
@Dependent
public class ServiceRenewalProcessor implements ItemProcessor {

  @Inject ResponderStore store;

  @Inject Responders responders;

  @Inject TsaCertificates tsaCertificates;

  @Inject TsaUnits tsaUnits;

  @Inject RegistrationAuthorities registrationAuthorities;

  @Inject ServiceRenewalSettings settings;

  @Override
  public Object processItem(Object caId) {
    String id = (String) caId;
    try {
      Duration margin = settings.margin();
      boolean responder = store.renewIfDue(id, margin);
      if (responder) {
        responders.forget(id);
      }
      boolean unit = tsaCertificates.renewIfDue(id, margin);
      if (unit) {
        tsaUnits.forget(id);
      }
      boolean ra = registrationAuthorities.renewIfDue(id, margin);
      return responder || unit || ra ? caId : null;
    } catch (NotFoundException e) {
      return null; // deleted since it was read
    }
  }
}
