package org.pkiaas.view.manage;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import java.util.Set;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.PkiaasException;

/**
 * Turns what a boundary refused into Faces messages: an invalid field's message is shown next to
 * that field (the boundary's field name, last segment, is the input's id in the form), everything
 * else at the top of the page. The user's input stays as typed because the form is re-rendered.
 */
public final class Feedback {

  private Feedback() {}

  public static void refused(String formId, PkiaasException e) {
    if (e instanceof InvalidInputException invalid && invalid.field() != null && formId != null) {
      String field = invalid.field().substring(invalid.field().lastIndexOf('.') + 1);
      FacesContext faces = FacesContext.getCurrentInstance();
      String clientId = clientIdOf(faces, formId, field);
      if (clientId != null) {
        faces.addMessage(clientId, message(FacesMessage.SEVERITY_ERROR, e.getMessage()));
        faces.validationFailed();
        return;
      }
    }
    error(e.getMessage());
  }

  /**
   * The client id of the input with that id inside the form, wherever it is nested (tabs are naming
   * containers); the input is marked invalid.
   */
  private static String clientIdOf(FacesContext faces, String formId, String id) {
    UIComponent form = faces.getViewRoot().findComponent(":" + formId);
    if (form == null) {
      return null;
    }
    String[] found = new String[1];
    form.visitTree(
        VisitContext.createVisitContext(faces, null, Set.of(VisitHint.SKIP_UNRENDERED)),
        (context, target) -> {
          if (id.equals(target.getId())) {
            found[0] = target.getClientId(faces);
            if (target instanceof UIInput input) {
              // Marked invalid, the input is drawn as such. Its submitted text was cleared when the
              // model took it; PrimeFaces draws an invalid input without one empty, so text goes
              // back as submitted, to be shown as typed.
              if (input.getSubmittedValue() == null && input.getValue() instanceof String typed) {
                input.setSubmittedValue(typed);
              }
              input.setValid(false);
            }
            return VisitResult.COMPLETE;
          }
          return VisitResult.ACCEPT;
        });
    return found[0];
  }

  public static void error(String text) {
    FacesContext.getCurrentInstance().addMessage(null, message(FacesMessage.SEVERITY_ERROR, text));
    FacesContext.getCurrentInstance().validationFailed();
  }

  public static void info(String text) {
    FacesContext.getCurrentInstance().addMessage(null, message(FacesMessage.SEVERITY_INFO, text));
  }

  /** A confirmation shown on the page the action redirects to. */
  public static void infoAfterRedirect(String text) {
    info(text);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  /** A warning the operator must act on, shown on the page the action redirects to. */
  public static void warnAfterRedirect(String text) {
    FacesContext.getCurrentInstance().addMessage(null, message(FacesMessage.SEVERITY_WARN, text));
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  private static FacesMessage message(FacesMessage.Severity severity, String text) {
    return new FacesMessage(severity, text, text);
  }
}
