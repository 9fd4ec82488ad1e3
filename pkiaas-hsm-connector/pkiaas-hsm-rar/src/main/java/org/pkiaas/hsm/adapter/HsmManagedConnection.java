package org.pkiaas.hsm.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.pkiaas.hsm.HsmException;
import org.pkiaas.hsm.HsmLinkState;
import org.pkiaas.hsm.HsmUnavailableException;
import org.pkiaas.hsm.link.KeyId;
import org.pkiaas.hsm.link.SignatureScheme;

/**
 * One pooled connection to the IoT-HSM link; callers hold {@link HsmConnectionHandle}s to it.
 *
 * <p>It takes part in no transaction. Closing a handle tells the container, through {@link
 * ConnectionEvent#CONNECTION_CLOSED}, that the connection may go back to the pool. Signing goes
 * through the adapter's one broker session; without a configured broker {@link #sign} fails at once
 * with {@link HsmUnavailableException}.
 */
public class HsmManagedConnection implements ManagedConnection {

  private final HsmManagedConnectionFactory factory;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final Set<HsmConnectionHandle> handles = ConcurrentHashMap.newKeySet();
  private volatile PrintWriter logWriter;

  HsmManagedConnection(HsmManagedConnectionFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  boolean createdBy(HsmManagedConnectionFactory candidate) {
    return factory == candidate;
  }

  byte[] sign(PublicKey caKey, String algorithm, byte[] data) throws HsmException {
    Objects.requireNonNull(caKey, "caKey");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(data, "data");
    SignatureScheme scheme =
        SignatureScheme.forJcaName(algorithm)
            .orElseThrow(() -> new HsmException("The IoT-HSM link does not carry " + algorithm));
    HsmResourceAdapter adapter = factory.adapter();
    DeviceLink link =
        adapter
            .link()
            .orElseThrow(
                () ->
                    new HsmUnavailableException(
                        "No IoT-HSM link is configured (brokerUrl is empty); the device for key "
                            + KeyId.of(caKey)
                            + " cannot be reached"));
    byte[] digest;
    try {
      digest = MessageDigest.getInstance(scheme.digestAlgorithm()).digest(data);
    } catch (GeneralSecurityException e) {
      throw new HsmException("No " + scheme.digestAlgorithm() + " digest on this platform", e);
    }
    return verified(
        caKey, scheme, data, link.sign(caKey, scheme, digest, adapter.requestTimeout()));
  }

  /**
   * The one check of a device's signature in PKIaaS: against the CA's public key, over the whole
   * data the caller asked to have signed. It is made here, where the device's answer enters the
   * server, and not again by the callers: the adapter alone hears the device, holds the data and
   * the key at that moment, and {@link org.pkiaas.hsm.HsmConnection#sign} promises every caller a
   * verified signature, so no caller can forget the check or make it twice (a P-256 check costs
   * about as much CPU as the rest of the link's work for a signature).
   *
   * @return {@code signature}, if it verifies
   * @throws HsmException if it does not verify or cannot be checked; nothing is returned then
   */
  static byte[] verified(PublicKey caKey, SignatureScheme scheme, byte[] data, byte[] signature)
      throws HsmException {
    boolean valid;
    try {
      valid = scheme.verifies(caKey, data, signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new HsmException(
          "Cannot check the device's signature for key "
              + KeyId.of(caKey)
              + "; it is not used: "
              + e.getMessage(),
          e);
    }
    if (!valid) {
      throw new HsmException(
          "The device for key " + KeyId.of(caKey) + " returned a signature that does not verify");
    }
    return signature;
  }

  HsmLinkState linkState(PublicKey caKey) {
    Objects.requireNonNull(caKey, "caKey");
    KeyId keyId = KeyId.of(caKey);
    return factory
        .adapter()
        .link()
        .map(
            link ->
                new HsmLinkState(link.isOnline(keyId), link.roster().lastSeen(keyId).orElse(null)))
        .orElse(new HsmLinkState(false, null));
  }

  byte[] linkCertificate() throws HsmUnavailableException {
    return factory
        .adapter()
        .linkCertificate()
        .orElseThrow(
            () ->
                new HsmUnavailableException(
                    "No IoT-HSM link is configured (brokerUrl or linkIdentityFile is empty or"
                        + " unreadable); there is no link certificate for agents to pin"));
  }

  @Override
  public Object getConnection(Subject subject, ConnectionRequestInfo info) {
    HsmConnectionHandle handle = new HsmConnectionHandle(this);
    handles.add(handle);
    return handle;
  }

  @Override
  public void associateConnection(Object connection) throws ResourceException {
    if (!(connection instanceof HsmConnectionHandle handle)) {
      throw new ResourceException("Not a connection handle of the IoT-HSM adapter: " + connection);
    }
    handle.moveTo(this);
  }

  void adopt(HsmConnectionHandle handle) {
    handles.add(handle);
  }

  void release(HsmConnectionHandle handle) {
    handles.remove(handle);
  }

  /** Called by a handle's {@code close()}: tells the container the connection is free again. */
  void handleClosed(HsmConnectionHandle handle) {
    handles.remove(handle);
    ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
    event.setConnectionHandle(handle);
    for (ConnectionEventListener listener : listeners) {
      listener.connectionClosed(event);
    }
  }

  @Override
  public void cleanup() {
    for (HsmConnectionHandle handle : handles) {
      handle.invalidate();
    }
    handles.clear();
  }

  @Override
  public void destroy() {
    cleanup();
    listeners.clear();
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public XAResource getXAResource() throws ResourceException {
    throw new NotSupportedException("The IoT-HSM adapter does not take part in XA transactions");
  }

  @Override
  public LocalTransaction getLocalTransaction() throws ResourceException {
    throw new NotSupportedException("The IoT-HSM adapter does not take part in local transactions");
  }

  @Override
  public ManagedConnectionMetaData getMetaData() {
    return new HsmConnectionMetaData();
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter logWriter) {
    this.logWriter = logWriter;
  }
}
