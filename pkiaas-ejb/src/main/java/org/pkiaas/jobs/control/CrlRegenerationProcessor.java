package org.pkiaas.jobs.control;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.crl.boundary.CrlService;
import org.pkiaas.problem.NotFoundException;

/**
 * crl-regeneration, one CA: builds its CRL when stale, missing or near nextUpdate; a CA that is
 * current, or being built by another node, is filtered out (counted, not written).
 */
@Named
@Dependent
public class CrlRegenerationProcessor implements ItemProcessor {

  @Inject CrlService crls;

  @Inject PkiaasConfig config;

  @Override
  public Object processItem(Object caId) {
    try {
      return crls.refreshIfDue((String) caId, config.crlRegenerationMargin())
              == CrlService.Outcome.BUILT
          ? caId
          : null;
    } catch (NotFoundException e) {
      return null; // deleted since it was read
    }
  }
}
