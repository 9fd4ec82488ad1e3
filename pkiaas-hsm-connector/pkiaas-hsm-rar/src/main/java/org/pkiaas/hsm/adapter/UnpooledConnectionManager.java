package org.pkiaas.hsm.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.lang.System.Logger.Level;

/**
 * The connection manager for use outside a container (tests, tools): one managed connection per
 * handle, destroyed when the handle closes.
 */
final class UnpooledConnectionManager implements ConnectionManager {

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG =
      System.getLogger(UnpooledConnectionManager.class.getName());

  @Override
  public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
      throws ResourceException {
    ManagedConnection connection = factory.createManagedConnection(null, info);
    connection.addConnectionEventListener(new DestroyOnClose());
    return connection.getConnection(null, info);
  }

  private static final class DestroyOnClose implements ConnectionEventListener {

    @Override
    public void connectionClosed(ConnectionEvent event) {
      destroy(event);
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
      destroy(event);
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
      // No transactions: the adapter never fires this.
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
      // No transactions: the adapter never fires this.
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
      // No transactions: the adapter never fires this.
    }

    private static void destroy(ConnectionEvent event) {
      try {
        ((ManagedConnection) event.getSource()).destroy();
      } catch (ResourceException e) {
        LOG.log(Level.WARNING, "Could not destroy an unpooled IoT-HSM connection", e);
      }
    }
  }
}
