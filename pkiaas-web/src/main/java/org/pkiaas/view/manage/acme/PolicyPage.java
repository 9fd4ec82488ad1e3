package org.pkiaas.view.manage.acme;

import jakarta.inject.Inject;
import java.io.Serializable;
import org.pkiaas.acme.boundary.AcmePolicies;
import org.pkiaas.acme.entity.AcmePolicy;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.view.manage.ConsoleUser;

/**
 * What the pages about one ACME policy share: the {@code policy} view parameter, resolved through
 * the boundary, so that a policy of anyone else's CA is simply "not found".
 */
public abstract class PolicyPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AcmePolicies policies;

  @Inject ConsoleUser user;

  private String policyId;
  private String policyName;
  private boolean missing;

  /** The view action. */
  public void load() {
    try {
      AcmePolicy policy = policies.get(user.caller(), policyId);
      policyName = policy.name();
      loaded(policy);
    } catch (NotFoundException e) {
      missing = true;
    }
  }

  /** Called once the policy is known to be the user's. */
  protected abstract void loaded(AcmePolicy policy);

  public boolean isMissing() {
    return missing;
  }

  public String getPolicyId() {
    return policyId;
  }

  public void setPolicyId(String policyId) {
    this.policyId = policyId;
  }

  public String getPolicyName() {
    return policyName;
  }
}
