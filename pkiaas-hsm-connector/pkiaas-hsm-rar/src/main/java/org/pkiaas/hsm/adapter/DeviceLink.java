package org.pkiaas.hsm.adapter;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
import org.pkiaas.hsm.link.KeyId;
import org.pkiaas.hsm.link.LinkIdentity;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;
import org.pkiaas.hsm.link.LinkRefusedException;
import org.pkiaas.hsm.link.LinkTopics;
import org.pkiaas.hsm.link.NoDelaySockets;
import org.pkiaas.hsm.link.ServerEndpoint;
import org.pkiaas.hsm.link.SignatureScheme;

/**
 * The server's session with the MQTT 5 broker, shared by every connection of the adapter. It dials
 * out (retrying with back-off until the broker answers; Paho reconnects after that), hears the
 * agents' presence, publishes each request with this node's response topic and the request id as
 * correlation data (MQTT 5.0, section 4.10), and completes the waiting caller when the answer
 * arrives. A request for a key with no live agent, or while the broker is away, fails at once; one
 * that gets no answer in time fails when the time is up.
 */
final class DeviceLink implements MqttCallback {

  private static final Logger LOG = Logger.getLogger(DeviceLink.class.getName());
  private static final Duration MAX_AGE = Duration.ofSeconds(10);

  private record Pending(CompletableFuture<SignResponse> answer, PublicKey caKey) {}

  private final String brokerUrl;
  private final String user;
  private final char[] password;
  private final ServerEndpoint endpoint;
  private final AgentRoster roster;
  private final String responseTopic;
  private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
  // Opening a response costs an ECDH and a signature check: off Paho's single callback thread.
  private final ExecutorService openers = Executors.newFixedThreadPool(4);
  // Presence has its own thread, so a backlog of responses cannot make heartbeats stale.
  private final ExecutorService presenceReader = Executors.newSingleThreadExecutor();
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
    this.client = new MqttAsyncClient(brokerUrl, "pkiaas-" + node, new MemoryPersistence());
    client.setCallback(this);
  }

  /** Starts dialling out; returns at once. */
  void start() {
    retries.execute(() -> connect(Duration.ofSeconds(1)));
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
    openers.shutdownNow();
    presenceReader.shutdownNow();
    pending.values().forEach(p -> p.answer().completeExceptionally(new IllegalStateException()));
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

  /**
   * Asks one of the key's agents to sign a digest; does not verify the signature.
   *
   * @throws HsmUnavailableException at once if no agent is online or the broker is away, or when
   *     {@code timeout} passes without an answer
   * @throws HsmException if the device answered that it could not sign
   */
  byte[] sign(PublicKey caKey, SignatureScheme scheme, byte[] digest, Duration timeout)
      throws HsmException {
    KeyId keyId = KeyId.of(caKey);
    List<java.security.cert.X509Certificate> agents = roster.live(keyId);
    if (!client.isConnected()) {
      throw new HsmUnavailableException("The MQTT broker of the IoT-HSM link is not connected");
    }
    if (agents.isEmpty()) {
      throw new HsmUnavailableException("No IoT-HSM agent is online for key " + keyId);
    }
    ServerEndpoint.Sealed sealed =
        endpoint.sealRequest(keyId, new SignRequest(scheme, digest), agents);
    UUID id = sealed.message().messageId();
    Pending waiting = new Pending(new CompletableFuture<>(), caKey);
    pending.put(id, waiting);
    try {
      MqttProperties properties = new MqttProperties();
      properties.setResponseTopic(responseTopic);
      properties.setCorrelationData(bytes(id));
      client.publish(
          LinkTopics.requests(keyId), new MqttMessage(sealed.bytes(), 0, false, properties));
      SignResponse response = waiting.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!response.signed()) {
        throw new HsmException(
            "The device for key " + keyId + " could not sign: " + response.failure());
      }
      return response.signature();
    } catch (TimeoutException e) {
      throw new HsmUnavailableException(
          "The device for key " + keyId + " did not answer within " + timeout.toMillis() + " ms",
          e);
    } catch (MqttException | ExecutionException e) {
      throw new HsmUnavailableException("The IoT-HSM link failed for key " + keyId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HsmUnavailableException("Interrupted while waiting for key " + keyId, e);
    } finally {
      pending.remove(id);
    }
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    try {
      client.subscribe(
          new MqttSubscription[] {
            new MqttSubscription(LinkTopics.allPresence(), 0),
            new MqttSubscription(responseTopic, 0)
          });
      LOG.info(() -> "IoT-HSM link connected to " + serverUri);
    } catch (MqttException e) {
      LOG.log(Level.WARNING, "Cannot subscribe to the IoT-HSM link topics", e);
    }
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    (topic.equals(responseTopic) ? openers : presenceReader).execute(() -> receive(topic, message));
  }

  private void receive(String topic, MqttMessage message) {
    try {
      if (topic.equals(responseTopic)) {
        answer(message);
      } else {
        roster.record(endpoint.acceptPresence(message.getPayload()));
      }
    } catch (LinkRefusedException e) {
      LOG.warning(() -> "IoT-HSM link message refused on " + topic + ": " + e.getMessage());
    }
  }

  private void answer(MqttMessage message) throws LinkRefusedException {
    byte[] correlation =
        message.getProperties() == null ? null : message.getProperties().getCorrelationData();
    if (correlation == null || correlation.length != 16) {
      throw new LinkRefusedException("Response without correlation data");
    }
    ByteBuffer buffer = ByteBuffer.wrap(correlation);
    UUID id = new UUID(buffer.getLong(), buffer.getLong());
    Pending waiting = pending.get(id);
    if (waiting == null) {
      return; // answered by a redundant agent already, or timed out
    }
    SignResponse response = endpoint.openResponse(message.getPayload(), waiting.caKey());
    if (!response.inReplyTo().equals(id)) {
      throw new LinkRefusedException("Response answers another request");
    }
    waiting.answer().complete(response);
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
