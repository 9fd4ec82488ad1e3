package org.pkiaas.hsm.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmConnectionFactory;

/**
 * Creates the pooled connections to the IoT-HSM link.
 *
 * <p>The link's settings and its broker session belong to the {@link HsmResourceAdapter} this
 * factory is associated with.
 */
@ConnectionDefinition(
    connectionFactory = HsmConnectionFactory.class,
    connectionFactoryImpl = PooledHsmConnectionFactory.class,
    connection = HsmConnection.class,
    connectionImpl = HsmConnectionHandle.class)
public class HsmManagedConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {

  private static final long serialVersionUID = 1L;

  private transient ResourceAdapter resourceAdapter;
  private transient PrintWriter logWriter;

  /** The adapter that owns the broker session; one is created unstarted when none is associated. */
  HsmResourceAdapter adapter() {
    if (resourceAdapter instanceof HsmResourceAdapter adapter) {
      return adapter;
    }
    return new HsmResourceAdapter();
  }

  @Override
  public Object createConnectionFactory(ConnectionManager connectionManager) {
    return new PooledHsmConnectionFactory(this, connectionManager);
  }

  @Override
  public Object createConnectionFactory() {
    return new PooledHsmConnectionFactory(this, new UnpooledConnectionManager());
  }

  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
    return new HsmManagedConnection(this);
  }

  // Connections carry no per-caller state, so any connection of an equal factory fits.
  @Override
  @SuppressWarnings("rawtypes")
  public ManagedConnection matchManagedConnections(
      Set candidates, Subject subject, ConnectionRequestInfo info) {
    for (Object candidate : candidates) {
      if (candidate instanceof HsmManagedConnection connection && connection.createdBy(this)) {
        return connection;
      }
    }
    return null;
  }

  @Override
  public TransactionSupportLevel getTransactionSupport() {
    return TransactionSupportLevel.NoTransaction;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
    this.resourceAdapter = resourceAdapter;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter logWriter) {
    this.logWriter = logWriter;
  }

  // The link's settings live on the adapter; factories have none of their own.
  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
