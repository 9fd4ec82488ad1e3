package org.pkiaas.it;

import java.util.HashSet;
import java.util.Set;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Deploys the EAR once per server start and keeps it for every test class, instead of Arquillian's
 * deploy and undeploy around each class: one boot and one deployment per suite. The server is
 * thrown away at the end of the run (its folder is laid anew by prepare-servers.sh), so nothing
 * needs undeploying.
 */
public class SharedDeployment implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(Interceptor.class);
  }

  public static class Interceptor {

    private static final Set<String> DEPLOYED = new HashSet<>();

    public void deploy(@Observes EventContext<DeployDeployment> context) {
      String name = context.getEvent().getDeployment().getDescription().getName();
      synchronized (DEPLOYED) {
        if (DEPLOYED.add(name)) {
          context.proceed();
        }
      }
    }

    public void undeploy(@Observes EventContext<UnDeployDeployment> context) {
      // Kept deployed for the next test class; see the class comment.
    }
  }
}
