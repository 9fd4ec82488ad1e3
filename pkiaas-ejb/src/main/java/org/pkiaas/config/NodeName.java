package org.pkiaas.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.pkiaas.rowid.RowIds;

/**
 * This server's name in leases and locks: WildFly's node name plus a per-start suffix, so that a
 * restarted node never mistakes an old lease for its own.
 */
@ApplicationScoped
public class NodeName {

  private final String name =
      System.getProperty("jboss.node.name", "pkiaas")
          + "/"
          + RowIds.uuid().toString().substring(0, 8);

  public String name() {
    return name;
  }
}
