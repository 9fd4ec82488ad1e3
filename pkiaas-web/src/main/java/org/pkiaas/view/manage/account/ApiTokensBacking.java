package org.pkiaas.view.manage.account;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.tenant.boundary.ApiTokens;
import org.pkiaas.tenant.boundary.NewApiToken;
import org.pkiaas.tenant.entity.ApiToken;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;

/**
 * Personal API tokens ({@code /manage/account/tokens.xhtml}); a new token's secret is shown once,
 * in a modal.
 */
@Named
@ViewScoped
public class ApiTokensBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ApiTokens tokens;

  @Inject ConsoleUser user;

  private transient List<ApiToken> list;
  private String name;
  private Integer validityDays = 90;
  private String secret;

  @PostConstruct
  void load() {
    list = tokens.list(user.caller());
  }

  public void create() {
    try {
      NewApiToken created = tokens.create(user.caller(), name, validityDays);
      secret = created.secret();
      name = null;
      load();
    } catch (PkiaasException e) {
      Feedback.refused("tokens", e);
    }
  }

  /** Forgets the secret once the modal is closed: it is never shown again. */
  public void secretSeen() {
    secret = null;
  }

  public void revoke(String tokenId) {
    try {
      tokens.revoke(user.caller(), tokenId);
      Feedback.info("The token is revoked");
      load();
    } catch (PkiaasException e) {
      Feedback.refused("tokens", e);
    }
  }

  public List<ApiToken> getList() {
    if (list == null) {
      load();
    }
    return list;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getValidityDays() {
    return validityDays;
  }

  public void setValidityDays(Integer validityDays) {
    this.validityDays = validityDays;
  }

  public String getSecret() {
    return secret;
  }
}
