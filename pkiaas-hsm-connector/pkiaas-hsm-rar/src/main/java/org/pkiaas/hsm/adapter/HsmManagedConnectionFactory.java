package org.pkiaas.hsm.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.TransactionSupport;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmConnectionFactory;

/**
 * Creates the pooled connections to the IoT-HSM link and holds the link's settings.
 *
 * <p>{@code brokerUrl} names the MQTT broker that devices and server both connect to; empty means
 * no link is configured, so every device is offline. The MQTT link itself arrives with the HSM-link
 * issue.
 */
@ConnectionDefinition(
    connectionFactory = HsmConnectionFactory.class,
    connectionFactoryImpl = PooledHsmConnectionFactory.class,
    connection = HsmConnection.class,
    connectionImpl = HsmConnectionHandle.class)
public class HsmManagedConnectionFactory
    implements ManagedConnectionFactory, ResourceAdapterAssociation, TransactionSupport {

  private static final long serialVersionUID = 1L;

  @ConfigProperty(
      description = "URL of the MQTT broker that carries the IoT-HSM link; empty: no link")
  private String brokerUrl = "";

  @ConfigProperty(
      description = "How long a signing request waits for the device's reply, in milliseconds",
      defaultValue = "10000")
  private Long requestTimeoutMillis = 10_000L;

  private transient ResourceAdapter resourceAdapter;
  private transient PrintWriter logWriter;

  /**
   * @return the MQTT broker URL, or an empty string when no link is configured
   */
  public String getBrokerUrl() {
    return brokerUrl;
  }

  /**
   * @param brokerUrl the MQTT broker URL; {@code null} or blank means no link
   */
  public void setBrokerUrl(String brokerUrl) {
    this.brokerUrl = brokerUrl == null ? "" : brokerUrl.strip();
  }

  /**
   * @return how long a signing request waits for the device's reply, in milliseconds
   */
  public Long getRequestTimeoutMillis() {
    return requestTimeoutMillis;
  }

  /**
   * @param requestTimeoutMillis how long a signing request waits for the reply; must be positive
   */
  public void setRequestTimeoutMillis(Long requestTimeoutMillis) {
    if (requestTimeoutMillis == null || requestTimeoutMillis <= 0) {
      throw new IllegalArgumentException(
          "requestTimeoutMillis must be positive, was " + requestTimeoutMillis);
    }
    this.requestTimeoutMillis = requestTimeoutMillis;
  }

  boolean isLinkConfigured() {
    return !brokerUrl.isEmpty();
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

  @Override
  public boolean equals(Object other) {
    return other instanceof HsmManagedConnectionFactory that
        && brokerUrl.equals(that.brokerUrl)
        && requestTimeoutMillis.equals(that.requestTimeoutMillis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(brokerUrl, requestTimeoutMillis);
  }
}
