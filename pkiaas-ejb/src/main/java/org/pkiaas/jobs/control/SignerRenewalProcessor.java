package org.pkiaas.jobs.control;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.ocsp.control.ResponderStore;
import org.pkiaas.ocsp.control.Responders;
import org.pkiaas.problem.NotFoundException;

/**
 * ocsp-signer-renewal, one CA: issues its next responder certificate when the current one expires
 * within the margin or was revoked; a CA whose responder is good for longer is filtered out.
 */
@Named
@Dependent
public class SignerRenewalProcessor implements ItemProcessor {

  @Inject ResponderStore store;

  @Inject Responders responders;

  @Inject PkiaasConfig config;

  @Override
  public Object processItem(Object caId) {
    try {
      if (!store.renewIfDue((String) caId, config.signerRenewalMargin())) {
        return null;
      }
      responders.forget((String) caId);
      return caId;
    } catch (NotFoundException e) {
      return null; // deleted since it was read
    }
  }
}
