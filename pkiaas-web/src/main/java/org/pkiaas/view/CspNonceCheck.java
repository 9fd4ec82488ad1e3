package org.pkiaas.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;

/**
 * Checks a console form's CSP nonce (the {@code primefaces.nonce} PrimeFaces' script adds to every
 * form it posts) as soon as the form's view is restored, before any value is applied or action run.
 * PrimeFaces compares it only when it renders the answer, after the action has run: a refused form
 * would have done its work and then shown an error. A mismatch throws PrimeFaces' {@code
 * CspException}, which the web.xml error page answers with 400.
 */
public class CspNonceCheck implements PhaseListener {

  private static final long serialVersionUID = 1L;

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }

  @Override
  public void afterPhase(PhaseEvent event) {
    FacesContext context = event.getFacesContext();
    if (context.isPostback()
        && context.getViewRoot() != null
        && PrimeApplicationContext.getCurrentInstance(context).getConfig().isCsp()) {
      PrimeFacesContext.getCspState(context).getNonce();
    }
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    // the view is not restored yet
  }
}
