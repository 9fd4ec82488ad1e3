package org.pkiaas.hsm.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.pkiaas.hsm.link.LinkIdentity;

/**
 * The IoT-HSM resource adapter: outbound only, no transactions. It owns the one broker session of
 * this server node ({@link DeviceLink}): opened in {@link #start}, closed in {@link #stop}, shared
 * by every pooled connection.
 *
 * <p>Settings (WildFly resolves {@code ${...}} in {@code ironjacamar.xml}): {@code brokerUrl}
 * (empty: no link, every HSM key is offline), {@code brokerUser} and {@code brokerPasswordFile},
 * the server's link identity as a PKCS#12 file {@code linkIdentityFile} with {@code
 * linkIdentityPasswordFile}, {@code requestTimeoutMillis} (5000) and {@code agentStaleAfterMillis}
 * (6000: an agent not heard from for that long counts as offline).
 */
@Connector(
    displayName = "PKIaaS IoT-HSM adapter",
    description = "Carries signing requests to IoT-HSM devices",
    vendorName = "PKIaaS",
    eisType = "IoT-HSM",
    version = "0.2",
    reauthenticationSupport = false,
    transactionSupport = TransactionSupportLevel.NoTransaction)
public class HsmResourceAdapter implements ResourceAdapter, Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(HsmResourceAdapter.class.getName());

  @ConfigProperty(description = "URL of the MQTT 5 broker of the IoT-HSM link; empty: no link")
  private String brokerUrl = "";

  @ConfigProperty(description = "User name at the broker; empty: anonymous")
  private String brokerUser = "";

  @ConfigProperty(description = "File holding the broker password")
  private String brokerPasswordFile = "";

  @ConfigProperty(description = "PKCS#12 file with the server's link key and certificate")
  private String linkIdentityFile = "";

  @ConfigProperty(description = "File holding the password of linkIdentityFile")
  private String linkIdentityPasswordFile = "";

  @ConfigProperty(
      description = "How long a signing request waits for the device, in milliseconds",
      defaultValue = "5000")
  private Long requestTimeoutMillis = 5_000L;

  @ConfigProperty(
      description = "After how many milliseconds without a heartbeat an agent counts as offline",
      defaultValue = "6000")
  private Long agentStaleAfterMillis = 6_000L;

  private transient volatile DeviceLink link;
  private transient volatile byte[] linkCertificate;

  @Override
  public void start(BootstrapContext context) {
    if (brokerUrl.isEmpty()) {
      LOG.info("No IoT-HSM broker configured (brokerUrl is empty): HSM keys are offline");
      return;
    }
    // A broken link setting must not take the CAs with software keys down with it: log it, and
    // leave HSM keys offline.
    try {
      LinkIdentity identity =
          LinkIdentityFile.load(
              Path.of(linkIdentityFile), Secrets.read(Path.of(linkIdentityPasswordFile)));
      linkCertificate = identity.certificate().getEncoded();
      link =
          new DeviceLink(
              brokerUrl,
              brokerUser,
              brokerUser.isEmpty() ? null : Secrets.read(Path.of(brokerPasswordFile)),
              identity,
              Duration.ofMillis(agentStaleAfterMillis));
      link.start();
    } catch (MqttException | IOException | GeneralSecurityException | RuntimeException e) {
      link = null;
      linkCertificate = null;
      LOG.log(Level.SEVERE, "IoT-HSM link not started; HSM keys are offline", e);
    }
  }

  @Override
  public void stop() {
    if (link != null) {
      link.stop();
      link = null;
    }
    linkCertificate = null;
  }

  /**
   * @return the DER certificate of this node's link identity, or empty when there is no link
   */
  Optional<byte[]> linkCertificate() {
    byte[] certificate = linkCertificate;
    return certificate == null ? Optional.empty() : Optional.of(certificate.clone());
  }

  /**
   * @return the broker session, or empty when no broker is configured
   */
  Optional<DeviceLink> link() {
    return Optional.ofNullable(link);
  }

  Duration requestTimeout() {
    return Duration.ofMillis(requestTimeoutMillis);
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

  public String getBrokerUrl() {
    return brokerUrl;
  }

  public void setBrokerUrl(String brokerUrl) {
    this.brokerUrl = brokerUrl == null ? "" : brokerUrl.strip();
  }

  public String getBrokerUser() {
    return brokerUser;
  }

  public void setBrokerUser(String brokerUser) {
    this.brokerUser = brokerUser == null ? "" : brokerUser.strip();
  }

  public String getBrokerPasswordFile() {
    return brokerPasswordFile;
  }

  public void setBrokerPasswordFile(String brokerPasswordFile) {
    this.brokerPasswordFile = brokerPasswordFile == null ? "" : brokerPasswordFile.strip();
  }

  public String getLinkIdentityFile() {
    return linkIdentityFile;
  }

  public void setLinkIdentityFile(String linkIdentityFile) {
    this.linkIdentityFile = linkIdentityFile == null ? "" : linkIdentityFile.strip();
  }

  public String getLinkIdentityPasswordFile() {
    return linkIdentityPasswordFile;
  }

  public void setLinkIdentityPasswordFile(String linkIdentityPasswordFile) {
    this.linkIdentityPasswordFile =
        linkIdentityPasswordFile == null ? "" : linkIdentityPasswordFile.strip();
  }

  public Long getRequestTimeoutMillis() {
    return requestTimeoutMillis;
  }

  /**
   * @param requestTimeoutMillis how long a signing request waits; must be positive
   */
  public void setRequestTimeoutMillis(Long requestTimeoutMillis) {
    if (requestTimeoutMillis == null || requestTimeoutMillis <= 0) {
      throw new IllegalArgumentException(
          "requestTimeoutMillis must be positive, was " + requestTimeoutMillis);
    }
    this.requestTimeoutMillis = requestTimeoutMillis;
  }

  public Long getAgentStaleAfterMillis() {
    return agentStaleAfterMillis;
  }

  /**
   * @param agentStaleAfterMillis silence after which an agent is offline; must be positive
   */
  public void setAgentStaleAfterMillis(Long agentStaleAfterMillis) {
    if (agentStaleAfterMillis == null || agentStaleAfterMillis <= 0) {
      throw new IllegalArgumentException(
          "agentStaleAfterMillis must be positive, was " + agentStaleAfterMillis);
    }
    this.agentStaleAfterMillis = agentStaleAfterMillis;
  }

  // A resource adapter bean is compared by its configuration (Jakarta Connectors 2.1, 5.3.1).
  @Override
  public boolean equals(Object other) {
    return other instanceof HsmResourceAdapter that
        && brokerUrl.equals(that.brokerUrl)
        && brokerUser.equals(that.brokerUser)
        && linkIdentityFile.equals(that.linkIdentityFile)
        && requestTimeoutMillis.equals(that.requestTimeoutMillis)
        && agentStaleAfterMillis.equals(that.agentStaleAfterMillis);
  }

  @Override
  public int hashCode() {
    return Objects.hash(brokerUrl, brokerUser, linkIdentityFile, requestTimeoutMillis);
  }
}
