package org.pkiaas.hsm.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.util.Objects;
import javax.naming.Reference;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmConnectionFactory;
import org.pkiaas.hsm.HsmException;

/**
 * The connection factory bound at {@link HsmConnectionFactory#JNDI_NAME}: it asks the container's
 * connection manager, that is its pool, for a connection handle.
 */
public class PooledHsmConnectionFactory implements HsmConnectionFactory {

  private static final long serialVersionUID = 1L;

  private final HsmManagedConnectionFactory managedConnectionFactory;
  private final ConnectionManager connectionManager;
  private Reference reference;

  PooledHsmConnectionFactory(
      HsmManagedConnectionFactory managedConnectionFactory, ConnectionManager connectionManager) {
    this.managedConnectionFactory =
        Objects.requireNonNull(managedConnectionFactory, "managedConnectionFactory");
    this.connectionManager = Objects.requireNonNull(connectionManager, "connectionManager");
  }

  @Override
  public HsmConnection getConnection() throws HsmException {
    try {
      return (HsmConnection) connectionManager.allocateConnection(managedConnectionFactory, null);
    } catch (ResourceException e) {
      throw new HsmException(
          "No connection to the IoT-HSM link could be allocated: " + e.getMessage(), e);
    }
  }

  @Override
  public Reference getReference() {
    return reference;
  }

  @Override
  public void setReference(Reference reference) {
    this.reference = reference;
  }
}
