package org.pkiaas.view.manage.acme;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmePolicy;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.view.manage.Feedback;

/**
 * ACME Accounts of one policy ({@code /manage/acme/accounts.xhtml?policy=…}): who registered, and
 * deactivation.
 */
@Named
@ViewScoped
public class AccountsBacking extends PolicyPage {

  private static final long serialVersionUID = 1L;

  private transient List<AcmeAccount> list;

  @Override
  protected void loaded(AcmePolicy policy) {
    list = policies.accounts(user.caller(), policy.id());
  }

  public void deactivate(String accountId) {
    try {
      policies.deactivateAccount(user.caller(), getPolicyId(), accountId);
      Feedback.info("The account is deactivated: it can no longer order or revoke certificates");
      list = policies.accounts(user.caller(), getPolicyId());
    } catch (PkiaasException e) {
      Feedback.refused(null, e);
    }
  }

  public List<AcmeAccount> getList() {
    if (list == null && !isMissing() && getPolicyId() != null) {
      list = policies.accounts(user.caller(), getPolicyId());
    }
    return list == null ? List.of() : list;
  }
}
