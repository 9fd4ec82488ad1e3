package org.pkiaas.view;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.inputnumber.InputNumberRenderer;

/**
 * PrimeFaces' number input, with text that is not a number answered as a refused field instead of
 * an error page: its renderer throws a bare FacesException ("Invalid number", a 500) when the
 * submitted value does not parse, which the browser widget prevents but a pasted value, an old
 * browser or a hand-made request does not. Registered for every {@code p:inputNumber} in
 * faces-config.xml.
 */
public class StrictInputNumberRenderer extends InputNumberRenderer {

  @Override
  public void decode(FacesContext context, UIComponent component) {
    try {
      super.decode(context, component);
    } catch (FacesException e) {
      if (!(e.getCause() instanceof NumberFormatException)) {
        throw e;
      }
      refuse(context, (UIInput) component);
    }
  }

  private static void refuse(FacesContext context, UIInput input) {
    Object label = input.getAttributes().get("label");
    String field = label == null ? "This field" : label.toString();
    String detail = field + ": enter a number, such as 30";
    context.addMessage(
        input.getClientId(context), new FacesMessage(FacesMessage.SEVERITY_ERROR, detail, detail));
    input.setSubmittedValue(null);
    input.setValid(false);
    context.validationFailed();
    context.renderResponse();
  }
}
