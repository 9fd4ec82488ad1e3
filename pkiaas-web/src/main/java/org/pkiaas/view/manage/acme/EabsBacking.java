package org.pkiaas.view.manage.acme;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.pkiaas.acme.boundary.ExternalAccountBindings;
import org.pkiaas.acme.boundary.ExternalAccountBindings.BindingRequest;
import org.pkiaas.acme.boundary.ExternalAccountBindings.NewBinding;
import org.pkiaas.acme.entity.AcmePolicy;
import org.pkiaas.acme.entity.ExternalAccountBinding;
import org.pkiaas.acme.entity.MacAlgorithm;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.view.manage.Feedback;

/**
 * External Account Bindings of one ACME policy ({@code /manage/acme/eabs.xhtml?policy=…}, user
 * guide 5.3). A new binding's HMAC key is shown once, in the console's shown-once modal.
 */
@Named
@ViewScoped
public class EabsBacking extends PolicyPage {

  private static final long serialVersionUID = 1L;

  @Inject ExternalAccountBindings bindings;

  @Inject PkiaasConfig config;

  private transient List<ExternalAccountBinding> list;
  private String name;
  private Integer allowedUses = 1;
  private LocalDate expiresOn = LocalDate.now(ZoneOffset.UTC).plusDays(30);
  private MacAlgorithm algorithm = MacAlgorithm.HS256;
  private ShownBinding shown;

  @Override
  protected void loaded(AcmePolicy policy) {
    list = bindings.list(user.caller(), policy.id());
  }

  public void create() {
    // The binding works through the whole day the administrator picked (UTC).
    var expiresAt =
        expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    try {
      NewBinding created =
          bindings.create(
              user.caller(),
              getPolicyId(),
              new BindingRequest(name, allowedUses, expiresAt, algorithm.name()));
      shown =
          new ShownBinding(
              config.publicUrl() + "/pki/acme/directory",
              created.binding().id(),
              created.hmacKey());
      name = null;
      list = bindings.list(user.caller(), getPolicyId());
    } catch (PkiaasException e) {
      Feedback.refused("eab", e);
    }
  }

  /** Forgets the key once the modal is closed: it is never shown again. */
  public void secretSeen() {
    shown = null;
  }

  public void delete(String bindingId) {
    try {
      ExternalAccountBinding binding = bindings.get(user.caller(), getPolicyId(), bindingId);
      bindings.delete(user.caller(), getPolicyId(), binding.id());
      Feedback.info(
          "External account binding '"
              + binding.name()
              + "' deleted; accounts it registered keep working");
      list = bindings.list(user.caller(), getPolicyId());
    } catch (PkiaasException e) {
      Feedback.refused(null, e);
    }
  }

  public List<ExternalAccountBinding> getList() {
    if (list == null && !isMissing() && getPolicyId() != null) {
      list = bindings.list(user.caller(), getPolicyId());
    }
    return list == null ? List.of() : list;
  }

  public ShownBinding getShown() {
    return shown;
  }

  public LocalDate getTomorrow() {
    return LocalDate.now(ZoneOffset.UTC).plusDays(1);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getAllowedUses() {
    return allowedUses;
  }

  public void setAllowedUses(Integer allowedUses) {
    this.allowedUses = allowedUses;
  }

  public MacAlgorithm[] getAlgorithms() {
    return MacAlgorithm.values();
  }

  public MacAlgorithm getAlgorithm() {
    return algorithm;
  }

  public void setAlgorithm(MacAlgorithm algorithm) {
    this.algorithm = algorithm == null ? MacAlgorithm.HS256 : algorithm;
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public void setExpiresOn(LocalDate expiresOn) {
    this.expiresOn = expiresOn;
  }
}
