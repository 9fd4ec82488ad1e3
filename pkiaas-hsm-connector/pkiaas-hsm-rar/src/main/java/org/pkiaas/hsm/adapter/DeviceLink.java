package org.pkiaas.hsm.adapter;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.pkiaas.hsm.HsmException;
import org.pkiaas.hsm.HsmUnavailableException;
import org.pkiaas.hsm.adapter.BatchQueue.Waiting;
import org.pkiaas.hsm.link.KeyId;
import org.pkiaas.hsm.link.LinkIdentity;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;
import org.pkiaas.hsm.link.LinkRefusedException;
import org.pkiaas.hsm.link.LinkSession;
import org.pkiaas.hsm.link.LinkTopics;
import org.pkiaas.hsm.link.NoDelaySockets;
import org.pkiaas.hsm.link.ServerEndpoint;
import org.pkiaas.hsm.link.ServerEndpoint.AgentPresence;
import org.pkiaas.hsm.link.SignatureScheme;

/**
 * The server's session with the MQTT 5 broker, shared by every connection of the adapter. It dials
 * out (retrying with back-off until the broker answers; Paho reconnects after that), hears the
 * agents' presence and offers each a link session (the public-key work, once per agent identity),
 * publishes the requests for a key in batches ({@link LinkBatches}) sealed in the key's agent
 * sessions, with this node's response topic and the batch id as correlation data (MQTT 5.0, section
 * 4.10), and completes the waiting callers when the answer arrives. A request for a key with no
 * live agent, or while the broker is away, fails at once; one that gets no session or no answer in
 * time fails when the time is up.
 *
 * <p>Responses are opened on Paho's callback thread in the order they arrive (an AES-GCM decryption
 * per batch; the handshakes and presence checks have threads of their own).
 *
 * <p>Longer than 300 lines because it is the one MQTT callback of the node's broker session:
 * connecting, presence, handshakes, requests and responses share the client.
 */
final class DeviceLink implements MqttCallback {

  private static final Logger LOG = Logger.getLogger(DeviceLink.class.getName());
  private static final Duration MAX_AGE = Duration.ofSeconds(10);

  private final String brokerUrl;
  private final String user;
  private final char[] password;
  private final ServerEndpoint endpoint;
  private final AgentRoster roster;
  private final String responseTopic;
  private final String sessionTopic;
  private final LinkBatches batches;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
  // Signature checks and ECDH: off Paho's callback thread, which opens the responses.
  private final ExecutorService presenceReader = Executors.newSingleThreadExecutor();
  private final ExecutorService handshakes = Executors.newSingleThreadExecutor();
  private final Object sessionsChanged = new Object();
  private final MqttAsyncClient client;
  private volatile boolean stopped;

  DeviceLink(
      String brokerUrl, String user, char[] password, LinkIdentity identity, Duration staleAfter)
      throws MqttException {
    this.brokerUrl = brokerUrl;
    this.user = user;
    this.password = password;
    Clock clock = Clock.systemUTC();
    this.endpoint = new ServerEndpoint(identity, clock, MAX_AGE);
    this.roster = new AgentRoster(clock, staleAfter);
    String node = UUID.randomUUID().toString();
    this.responseTopic = LinkTopics.responses(node);
    this.sessionTopic = LinkTopics.serverSessions(node);
    this.client = new MqttAsyncClient(brokerUrl, "pkiaas-" + node, new MemoryPersistence());
    client.setCallback(this);
    this.batches = new LinkBatches(endpoint, roster, this::publish);
  }

  /** Starts dialling out; returns at once. */
  void start() {
    retries.execute(() -> connect(Duration.ofSeconds(1)));
    retries.scheduleWithFixedDelay(batches::sweep, 50, 50, TimeUnit.MILLISECONDS);
  }

  private void connect(Duration backOff) {
    if (stopped) {
      return;
    }
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 30);
    options.setKeepAliveInterval(10);
    options.setSocketFactory(NoDelaySockets.forBroker(brokerUrl));
    if (user != null && !user.isEmpty()) {
      options.setUserName(user);
      options.setPassword(new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    try {
      client.connect(options).waitForCompletion(10_000);
    } catch (MqttException e) {
      Duration next =
          backOff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
              ? Duration.ofSeconds(30)
              : backOff.multipliedBy(2);
      LOG.warning(() -> "MQTT broker " + brokerUrl + " not reachable, retrying in " + backOff);
      retries.schedule(() -> connect(next), backOff.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  void stop() {
    stopped = true;
    retries.shutdownNow();
    presenceReader.shutdownNow();
    handshakes.shutdownNow();
    batches.failAll(new IllegalStateException("The IoT-HSM link stopped"));
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(2_000);
      }
      client.close(true);
    } catch (MqttException e) {
      LOG.log(Level.FINE, "Broker session did not close cleanly", e);
    }
  }

  boolean isOnline(KeyId keyId) {
    return client.isConnected() && !roster.live(keyId).isEmpty();
  }

  AgentRoster roster() {
    return roster;
  }

  LinkBatches batches() {
    return batches;
  }

  /**
   * Asks one of the key's agents to sign a digest; does not verify the signature. The request
   * leaves at once if the key's window is clear, or else with whatever else queued for the key, in
   * one batch, as soon as a batch comes back ({@link BatchQueue}).
   *
   * @throws HsmUnavailableException at once if no agent is online or the broker is away, or when
   *     {@code timeout} passes without a session or an answer
   * @throws HsmException if the device answered that it could not sign
   */
  byte[] sign(PublicKey caKey, SignatureScheme scheme, byte[] digest, Duration timeout)
      throws HsmException {
    KeyId keyId = KeyId.of(caKey);
    long deadline = System.nanoTime() + timeout.toNanos();
    SignRequest request = new SignRequest(scheme, digest);
    while (true) {
      if (!client.isConnected()) {
        throw new HsmUnavailableException("The MQTT broker of the IoT-HSM link is not connected");
      }
      List<AgentPresence> agents = roster.live(keyId);
      if (agents.isEmpty()) {
        throw new HsmUnavailableException("No IoT-HSM agent is online for key " + keyId);
      }
      Waiting waiting = batches.submit(keyId, caKey, request, agents.size());
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        SignResponse response = waiting.answer.get(left, TimeUnit.NANOSECONDS);
        if (!response.signed()) {
          throw new HsmException(
              "The device for key " + keyId + " could not sign: " + response.failure());
        }
        return response.signature();
      } catch (TimeoutException e) {
        batches.withdraw(keyId, waiting);
        throw new HsmUnavailableException(
            "The device for key " + keyId + " did not answer within " + timeout.toMillis() + " ms",
            e);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof LinkBatches.NoSessionYet)) {
          throw new HsmUnavailableException("The IoT-HSM link failed for key " + keyId, e);
        }
        awaitSession(keyId, deadline);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        batches.withdraw(keyId, waiting);
        throw new HsmUnavailableException("Interrupted while waiting for key " + keyId, e);
      }
    }
  }

  private void awaitSession(KeyId keyId, long deadline) throws HsmUnavailableException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new HsmUnavailableException(
          "No link session with a device for key " + keyId + " in time");
    }
    try {
      synchronized (sessionsChanged) {
        sessionsChanged.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HsmUnavailableException("Interrupted while waiting for key " + keyId, e);
    }
  }

  private void publish(KeyId keyId, UUID batchId, byte[] frame) throws MqttException {
    MqttProperties properties = new MqttProperties();
    properties.setResponseTopic(responseTopic);
    properties.setCorrelationData(bytes(batchId));
    client.publish(LinkTopics.requests(keyId), new MqttMessage(frame, 0, false, properties));
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    try {
      client.subscribe(
          new MqttSubscription[] {
            new MqttSubscription(LinkTopics.allPresence(), 0),
            new MqttSubscription(responseTopic, 0),
            new MqttSubscription(sessionTopic, 0)
          });
      LOG.info(() -> "IoT-HSM link connected to " + serverUri);
    } catch (MqttException e) {
      LOG.log(Level.WARNING, "Cannot subscribe to the IoT-HSM link topics", e);
    }
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    if (topic.equals(responseTopic)) {
      receive(topic, () -> answer(message));
    } else if (topic.equals(sessionTopic)) {
      handshakes.execute(() -> receive(topic, () -> completeHandshake(message)));
    } else {
      presenceReader.execute(() -> receive(topic, () -> hear(message)));
    }
  }

  private interface Receiver {
    void run() throws LinkRefusedException, MqttException;
  }

  private static void receive(String topic, Receiver receiver) {
    try {
      receiver.run();
    } catch (LinkRefusedException e) {
      LOG.warning(() -> "IoT-HSM link message refused on " + topic + ": " + e.getMessage());
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.WARNING, "IoT-HSM link message on " + topic + " not handled", e);
    }
  }

  /** Records a presence, and offers the agent a session if it needs one. */
  private void hear(MqttMessage message) throws LinkRefusedException, MqttException {
    AgentPresence presence = endpoint.acceptPresence(message.getPayload());
    roster.record(presence);
    if (presence.online() && endpoint.needsSession(presence)) {
      ServerEndpoint.Sealed offer = endpoint.offerSession(presence);
      MqttProperties properties = new MqttProperties();
      properties.setResponseTopic(sessionTopic);
      properties.setCorrelationData(bytes(offer.message().messageId()));
      client.publish(
          LinkTopics.sessions(presence.keyId(), presence.agentId()),
          new MqttMessage(offer.bytes(), 0, false, properties));
    }
  }

  private void completeHandshake(MqttMessage message) throws LinkRefusedException {
    LinkSession session = endpoint.acceptSession(message.getPayload());
    LOG.fine(() -> "IoT-HSM link session " + session.id() + " with agent " + session.agentId());
    synchronized (sessionsChanged) {
      sessionsChanged.notifyAll();
    }
  }

  private void answer(MqttMessage message) throws LinkRefusedException {
    byte[] correlation =
        message.getProperties() == null ? null : message.getProperties().getCorrelationData();
    if (correlation == null || correlation.length != 16) {
      throw new LinkRefusedException("Response without correlation data");
    }
    ByteBuffer buffer = ByteBuffer.wrap(correlation);
    batches.answer(new UUID(buffer.getLong(), buffer.getLong()), message.getPayload());
  }

  private static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    LOG.warning(() -> "IoT-HSM link lost the broker; reconnecting");
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.log(Level.WARNING, "IoT-HSM link MQTT error", exception);
  }

  @Override
  public void deliveryComplete(IMqttToken token) {
    // Requests are fire-and-wait-for-answer; nothing waits for delivery.
  }

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {
    // No enhanced authentication.
  }
}
