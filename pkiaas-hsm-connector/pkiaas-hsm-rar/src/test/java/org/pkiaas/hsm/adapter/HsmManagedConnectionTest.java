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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmConnectionFactory;
import org.pkiaas.hsm.HsmUnavailableException;

class HsmManagedConnectionTest {

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
  void signFailsFastNamingTheSlotWhenNoBrokerIsConfigured() {
    HsmUnavailableException failure =
        assertTimeout(
            Duration.ofSeconds(1),
            () ->
                assertThrows(
                    HsmUnavailableException.class,
                    () -> connection.sign("ca-root-1", "SHA256withECDSA", new byte[] {1, 2, 3})));

    assertTrue(failure.getMessage().contains("slot ca-root-1"), failure.getMessage());
    assertTrue(failure.getMessage().contains("brokerUrl is empty"), failure.getMessage());
  }

  @Test
  void noDeviceIsOnlineWithoutALink() {
    assertFalse(connection.isDeviceOnline("ca-root-1"));
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
    assertThrows(IllegalStateException.class, () -> connection.isDeviceOnline("ca-root-1"));
  }

  @Test
  void cleanupInvalidatesHandlesWithoutAnotherEvent() throws Exception {
    managed.cleanup();

    assertThrows(
        IllegalStateException.class, () -> connection.sign("ca-root-1", "Ed25519", new byte[0]));
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
      assertFalse(borrowed.isDeviceOnline("ca-issuing-2"));
      assertThrows(
          HsmUnavailableException.class,
          () -> borrowed.sign("ca-issuing-2", "ML-DSA-65", new byte[] {4}));
    }
  }

  @Test
  void matchesConnectionsOfAnEqualFactoryOnly() throws Exception {
    HsmManagedConnectionFactory other = new HsmManagedConnectionFactory();
    other.setBrokerUrl("ssl://broker.example:8883");

    assertSame(managed, factory.matchManagedConnections(java.util.Set.of(managed), null, null));
    assertEquals(null, other.matchManagedConnections(java.util.Set.of(managed), null, null));
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
