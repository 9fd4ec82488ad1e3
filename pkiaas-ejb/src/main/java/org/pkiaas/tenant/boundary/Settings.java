package org.pkiaas.tenant.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.tenant.entity.Setting;

/** Installation-wide switches that administrators change at run time. */
@Stateless
public class Settings {

  @PersistenceContext EntityManager em;

  @Inject PkiaasConfig config;

  /**
   * Whether anyone may create an account; until an administrator decides, the configured default.
   */
  public boolean signupEnabled() {
    Setting setting = em.find(Setting.class, Setting.SIGNUP_ENABLED);
    return setting == null
        ? config.signupEnabledByDefault()
        : Boolean.parseBoolean(setting.value());
  }

  /** The same, for an administrator: the installation's settings are theirs to read. */
  public boolean signupEnabled(Caller caller) {
    Accounts.requireAdmin(caller);
    return signupEnabled();
  }

  @Audited(value = "settings.signup", objectType = "SETTING")
  public void changeSignupEnabled(Caller caller, boolean enabled) {
    Accounts.requireAdmin(caller);
    Setting setting = em.find(Setting.class, Setting.SIGNUP_ENABLED);
    if (setting == null) {
      em.persist(new Setting(Setting.SIGNUP_ENABLED, Boolean.toString(enabled)));
    } else {
      setting.change(Boolean.toString(enabled));
    }
  }

  /**
   * The label of the template that EST's URLs without a label serve (RFC 7030 §3.2.2: the server's
   * default CA), or null when none is chosen.
   */
  public String estDefaultLabel() {
    Setting setting = em.find(Setting.class, Setting.EST_DEFAULT_LABEL);
    return setting == null || setting.value().isEmpty() ? null : setting.value();
  }

  /** Chooses the default EST label; an empty one stops serving EST without a label. */
  @Audited(value = "settings.est-default-label", objectType = "SETTING")
  public void changeEstDefaultLabel(Caller caller, String label) {
    Accounts.requireAdmin(caller);
    String value = label == null ? "" : label.trim();
    if (!value.isEmpty() && !value.matches(TemplateSettings.EST_LABEL)) {
      throw new InvalidInputException("estDefaultLabel", TemplateSettings.EST_LABEL_MESSAGE);
    }
    Setting setting = em.find(Setting.class, Setting.EST_DEFAULT_LABEL);
    if (setting == null) {
      em.persist(new Setting(Setting.EST_DEFAULT_LABEL, value));
    } else {
      setting.change(value);
    }
  }
}
