package org.pkiaas.tenant.boundary;

import org.pkiaas.audit.entity.Identified;
import org.pkiaas.tenant.entity.ApiToken;

/** A token just created: the only moment its secret is known to anyone but its holder. */
public record NewApiToken(ApiToken token, String secret) implements Identified {

  @Override
  public String id() {
    return token.id();
  }
}
