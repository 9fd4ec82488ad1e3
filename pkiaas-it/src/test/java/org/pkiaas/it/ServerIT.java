package org.pkiaas.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every integration test: runs as a client of the real EAR on the WildFly that Arquillian
 * manages (H2 or MariaDB, per failsafe execution), sharing one deployment.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ServerIT {

  protected final Api admin = Api.admin();

  @Deployment(name = Deployments.NAME, testable = false)
  public static EnterpriseArchive deployment() {
    return Deployments.ear();
  }
}
