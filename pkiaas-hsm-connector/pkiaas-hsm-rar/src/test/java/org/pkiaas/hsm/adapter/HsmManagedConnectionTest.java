package org.pkiaas.hsm.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ManagedConnection;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmConnectionFactory;
import org.pkiaas.hsm.HsmException;
import org.pkiaas.hsm.HsmLinkState;
import org.pkiaas.hsm.HsmUnavailableException;
import org.pkiaas.hsm.link.KeyId;
import org.pkiaas.hsm.link.SignatureScheme;

class HsmManagedConnectionTest {

  private static final KeyPair CA_PAIR = ecPair();
  private static final PublicKey CA_KEY = CA_PAIR.getPublic();
  private final HsmManagedConnectionFactory factory = new HsmManagedConnectionFactory();
  private final RecordingListener listener = new RecordingListener();
  private ManagedConnection managed;
  private HsmConnection connection;

  @BeforeEach
  void borrowConnection() throws Exception {
    managed = factory.createManagedConnection(null, null);
    managed.addConnectionEventListener(listener);
    connection = (HsmConnection) managed.getConnection(null, null);
  }

  @Test
  void signFailsFastNamingTheKeyWhenNoBrokerIsConfigured() {
    HsmUnavailableException failure =
        // well below the 5 s request timeout it must not wait for; the first call also loads the
        // link's classes, which took over a second on a loaded machine
        assertTimeout(
            Duration.ofSeconds(3),
            () ->
                assertThrows(
                    HsmUnavailableException.class,
                    () -> connection.sign(CA_KEY, "SHA256withECDSA", new byte[] {1, 2, 3})));

    assertTrue(failure.getMessage().contains(KeyId.of(CA_KEY).hex()), failure.getMessage());
    assertTrue(failure.getMessage().contains("brokerUrl is empty"), failure.getMessage());
  }

  @Test
  void algorithmsTheLinkDoesNotCarryAreRefusedBeforeAnythingIsSent() {
    HsmException failure =
        assertThrows(HsmException.class, () -> connection.sign(CA_KEY, "Ed25519", new byte[] {1}));
    assertFalse(failure instanceof HsmUnavailableException);
  }

  @Test
  void aDeviceSignatureOfTheCaKeyOverTheDataIsReturned() throws Exception {
    byte[] data = {1, 2, 3};
    byte[] signature = sign(CA_PAIR.getPrivate(), data);

    assertSame(
        signature,
        HsmManagedConnection.verified(CA_KEY, SignatureScheme.SHA256_WITH_ECDSA, data, signature));
  }

  @Test
  void aDeviceSignatureByAnotherKeyIsRefused() throws Exception {
    byte[] data = {1, 2, 3};
    byte[] wrong = sign(ecPair().getPrivate(), data);

    HsmException failure =
        assertThrows(
            HsmException.class,
            () ->
                HsmManagedConnection.verified(
                    CA_KEY, SignatureScheme.SHA256_WITH_ECDSA, data, wrong));
    assertFalse(failure instanceof HsmUnavailableException);
    assertTrue(failure.getMessage().contains("does not verify"), failure.getMessage());
    assertTrue(failure.getMessage().contains(KeyId.of(CA_KEY).hex()), failure.getMessage());
  }

  @Test
  void aDeviceSignatureOverOtherDataIsRefused() throws Exception {
    byte[] signature = sign(CA_PAIR.getPrivate(), new byte[] {9});

    assertThrows(
        HsmException.class,
        () ->
            HsmManagedConnection.verified(
                CA_KEY, SignatureScheme.SHA256_WITH_ECDSA, new byte[] {1, 2, 3}, signature));
  }

  @Test
  void aMalformedDeviceSignatureIsRefused() {
    HsmException failure =
        assertThrows(
            HsmException.class,
            () ->
                HsmManagedConnection.verified(
                    CA_KEY, SignatureScheme.SHA256_WITH_ECDSA, new byte[] {1}, new byte[] {48, 1}));
    assertFalse(failure instanceof HsmUnavailableException);
  }

  @Test
  void noDeviceIsOnlineWithoutALink() {
    assertEquals(new HsmLinkState(false, null), connection.linkState(CA_KEY));
  }

  @Test
  void thereIsNoLinkCertificateToPinWithoutALink() {
    HsmUnavailableException failure =
        assertThrows(HsmUnavailableException.class, connection::linkCertificate);
    assertTrue(failure.getMessage().contains("No IoT-HSM link"), failure.getMessage());
  }

  @Test
  void closingTheHandleReturnsItToThePoolOnce() {
    connection.close();
    connection.close();

    assertEquals(1, listener.events.size());
    ConnectionEvent event = listener.events.get(0);
    assertEquals(ConnectionEvent.CONNECTION_CLOSED, event.getId());
    assertSame(connection, event.getConnectionHandle());
    assertSame(managed, event.getSource());
    assertThrows(IllegalStateException.class, () -> connection.linkState(CA_KEY));
  }

  @Test
  void cleanupInvalidatesHandlesWithoutAnotherEvent() throws Exception {
    managed.cleanup();

    assertThrows(
        IllegalStateException.class, () -> connection.sign(CA_KEY, "SHA256withECDSA", new byte[0]));
    assertTrue(listener.events.isEmpty());
  }

  @Test
  void takesPartInNoTransaction() {
    assertThrows(NotSupportedException.class, managed::getXAResource);
    assertThrows(NotSupportedException.class, managed::getLocalTransaction);
  }

  @Test
  void unmanagedFactoryHandsOutWorkingConnections() throws Exception {
    HsmConnectionFactory connections = (HsmConnectionFactory) factory.createConnectionFactory();

    try (HsmConnection borrowed = connections.getConnection()) {
      assertFalse(borrowed.linkState(CA_KEY).online());
      assertThrows(
          HsmUnavailableException.class,
          () -> borrowed.sign(CA_KEY, "SHA384withECDSA", new byte[] {4}));
    }
  }

  @Test
  void matchesConnectionsOfItsOwnFactoryOnly() throws Exception {
    HsmManagedConnectionFactory other = new HsmManagedConnectionFactory();

    assertSame(managed, factory.matchManagedConnections(java.util.Set.of(managed), null, null));
    assertEquals(null, other.matchManagedConnections(java.util.Set.of(managed), null, null));
  }

  private static KeyPair ecPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
    Signature signature = Signature.getInstance("SHA256withECDSA");
    signature.initSign(key);
    signature.update(data);
    return signature.sign();
  }

  private static final class RecordingListener implements ConnectionEventListener {

    final List<ConnectionEvent> events = new ArrayList<>();

    @Override
    public void connectionClosed(ConnectionEvent event) {
      events.add(event);
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
      events.add(event);
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
      events.add(event);
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
      events.add(event);
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
      events.add(event);
    }
  }
}
