package org.pkiaas.view.manage.cas;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.tsa.boundary.TimestampingChanges;
import org.pkiaas.tsa.boundary.TimestampingState;

/**
 * Edit CA's time-stamp authority section: on or off, the default policy (empty for the operator's)
 * and the other accepted policies, one per line. {@code CaTimestamping} checks them; a refused
 * policy line is named by its number.
 */
public class TimestampingForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private boolean enabled;
  private String defaultPolicy;
  private String operatorDefault;
  private String acceptedPolicies;
  private String url;

  static TimestampingForm of(TimestampingState state, String operatorDefault) {
    TimestampingForm form = new TimestampingForm();
    form.enabled = state.enabled();
    form.defaultPolicy = state.operatorDefault() ? "" : state.defaultPolicy();
    form.operatorDefault = operatorDefault;
    form.acceptedPolicies = String.join("\n", state.acceptedPolicies());
    form.url = state.url();
    return form;
  }

  TimestampingChanges changes() {
    List<String> accepted =
        acceptedPolicies == null
            ? List.of()
            : Arrays.stream(acceptedPolicies.split("[\\n,]"))
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .toList();
    return new TimestampingChanges(enabled, defaultPolicy == null ? "" : defaultPolicy, accepted);
  }

  /**
   * A refusal of one accepted policy ({@code acceptedPolicies[2]}) as a message on the text area
   * that names its line.
   */
  static InvalidInputException onTheTextArea(InvalidInputException e) {
    String field = e.field() == null ? "" : e.field();
    if (!field.startsWith("acceptedPolicies[")) {
      return e;
    }
    int index = Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
    return new InvalidInputException(
        "acceptedPolicies", "Policy " + (index + 1) + ": " + e.getMessage(), e);
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getDefaultPolicy() {
    return defaultPolicy;
  }

  public void setDefaultPolicy(String defaultPolicy) {
    this.defaultPolicy = defaultPolicy;
  }

  /** The operator's default policy, shown as the default policy's placeholder. */
  public String getOperatorDefault() {
    return operatorDefault;
  }

  public String getAcceptedPolicies() {
    return acceptedPolicies;
  }

  public void setAcceptedPolicies(String acceptedPolicies) {
    this.acceptedPolicies = acceptedPolicies;
  }

  /** Where the CA stamps, or null while it does not. */
  public String getUrl() {
    return url;
  }
}
