package org.pkiaas.jobs.control;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.ocsp.control.ResponderStore;
import org.pkiaas.ocsp.control.Responders;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.tsa.control.TsaCertificates;
import org.pkiaas.tsa.control.TsaUnits;

/**
 * The service-certificate renewal job, one CA: issues its next OCSP responder certificate, and its
 * next time-stamping certificate if it has stamped before, when the current one expires within the
 * margin or was revoked; a CA whose service certificates are good for longer is filtered out.
 */
@Named
@Dependent
public class SignerRenewalProcessor implements ItemProcessor {

  @Inject ResponderStore store;

  @Inject Responders responders;

  @Inject TsaCertificates tsaCertificates;

  @Inject TsaUnits tsaUnits;

  @Inject PkiaasConfig config;

  @Override
  public Object processItem(Object caId) {
    String id = (String) caId;
    try {
      boolean responder = store.renewIfDue(id, config.signerRenewalMargin());
      if (responder) {
        responders.forget(id);
      }
      boolean unit = tsaCertificates.renewIfDue(id, config.signerRenewalMargin());
      if (unit) {
        tsaUnits.forget(id);
      }
      return responder || unit ? caId : null;
    } catch (NotFoundException e) {
      return null; // deleted since it was read
    }
  }
}
