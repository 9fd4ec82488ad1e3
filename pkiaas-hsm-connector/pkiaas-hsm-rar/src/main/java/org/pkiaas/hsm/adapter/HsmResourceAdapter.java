package org.pkiaas.hsm.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import javax.transaction.xa.XAResource;

/**
 * The IoT-HSM resource adapter: outbound only, no transactions.
 *
 * <p>It holds no state yet; the shared MQTT link to the devices arrives with the HSM-link issue and
 * will be started and stopped here.
 */
@Connector(
    displayName = "PKIaaS IoT-HSM adapter",
    description = "Carries signing requests to IoT-HSM devices",
    vendorName = "PKIaaS",
    eisType = "IoT-HSM",
    version = "0.1",
    reauthenticationSupport = false,
    transactionSupport = TransactionSupportLevel.NoTransaction)
public class HsmResourceAdapter implements ResourceAdapter, Serializable {

  private static final long serialVersionUID = 1L;

  @Override
  public void start(BootstrapContext context) {
    // Nothing to start while there is no device link.
  }

  @Override
  public void stop() {
    // Nothing to stop while there is no device link.
  }

  @Override
  public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec)
      throws ResourceException {
    throw new NotSupportedException("The IoT-HSM adapter has no inbound message endpoints");
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
    // No endpoint can have been activated.
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  // A resource adapter bean is compared by its configuration, and this one has none.
  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
