package org.pkiaas.hsm.agent;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.pkiaas.hsm.link.AgentEndpoint;
import org.pkiaas.hsm.link.AgentIdentityCertificates;
import org.pkiaas.hsm.link.KeyId;
import org.pkiaas.hsm.link.LinkIdentity;
import org.pkiaas.hsm.link.LinkMessage.SignBatchResponse;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;
import org.pkiaas.hsm.link.LinkRefusedException;
import org.pkiaas.hsm.link.LinkTopics;
import org.pkiaas.hsm.link.NoDelaySockets;

/**
 * Serves one CA key over the link: connects out to the MQTT 5 broker, accepts the link sessions
 * servers offer on its own topic, takes signing requests for the key through the shared
 * subscription (joined once it has a session, so the broker hands it nothing it cannot open), signs
 * each digest of a request's batch on the token and answers the batch in one message on its
 * response topic with its correlation data (MQTT 5.0, section 4.10). It announces itself every
 * heartbeat with its identity certificate, renews that identity at half its life (servers then
 * offer sessions bound to the new one), and its will (section 3.1.3.2) tells the server when it
 * drops off.
 *
 * <p>Sessions refuse records out of sequence: requests are opened on Paho's callback thread in the
 * order they arrive, and responses are sealed and published under one lock.
 */
final class LinkAgent implements MqttCallback {

  private static final Logger LOG = Logger.getLogger(LinkAgent.class.getName());
  private static final Duration IDENTITY_LIFETIME = Duration.ofMinutes(20);
  private static final Duration MAX_AGE = Duration.ofSeconds(10);

  private final Token token;
  private final String alias;
  private final UUID agentId;
  private final X509Certificate caCertificate;
  private final KeyId keyId;
  private final AgentEndpoint endpoint;
  private final PrivateKey caKey;
  private final BatchSigner signers;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  // Handshakes and subscriptions: blocking calls stay off Paho's callback thread.
  private final ExecutorService handshakes = Executors.newSingleThreadExecutor();
  private final Object publishing = new Object();
  private volatile boolean takingRequests;
  private final Clock clock = Clock.systemUTC();
  private volatile List<LinkIdentity> identities = List.of();
  private volatile Instant renewAt = Instant.MIN;
  private MqttAsyncClient client;

  LinkAgent(Token token, String alias, UUID agentId, X509Certificate pinnedServer, int workers)
      throws GeneralSecurityException {
    this.token = token;
    this.alias = alias;
    this.agentId = agentId;
    this.caCertificate = token.certificate(alias);
    this.caKey = token.privateKey(alias);
    this.keyId = KeyId.of(caCertificate.getPublicKey());
    this.endpoint =
        new AgentEndpoint(keyId, agentId, pinnedServer, () -> identities, clock, MAX_AGE);
    this.signers = new BatchSigner(token.provider(), caKey, workers);
    renewIdentity();
  }

  KeyId keyId() {
    return keyId;
  }

  /** Connects and serves until {@link #stop}; reconnects by itself after a broker outage. */
  void start(String brokerUrl, String user, char[] password, Duration heartbeat)
      throws MqttException {
    client =
        new MqttAsyncClient(
            brokerUrl,
            "iot-hsm-" + agentId + "-" + keyId.hex().substring(0, 8),
            new MemoryPersistence());
    client.setCallback(this);
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 30);
    options.setSocketFactory(NoDelaySockets.forBroker(brokerUrl));
    options.setKeepAliveInterval((int) Math.max(2, heartbeat.toSeconds() * 2));
    if (user != null) {
      options.setUserName(user);
      options.setPassword(new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    MqttMessage will = new MqttMessage(presence(false), 1, false, new MqttProperties());
    options.setWill(LinkTopics.presence(keyId), will);
    client.connect(options).waitForCompletion(10_000);
    long period = heartbeat.toMillis();
    timer.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
    LOG.info(() -> "Serving key " + keyId + " as agent " + agentId + " via " + brokerUrl);
  }

  /** Leaves the shared subscription, lets signatures in progress finish, then says goodbye. */
  void stop() {
    timer.shutdownNow();
    handshakes.shutdownNow();
    try {
      client.unsubscribe(LinkTopics.sharedRequests(keyId)).waitForCompletion(2_000);
      signers.finish(Duration.ofSeconds(5));
      client
          .publish(LinkTopics.presence(keyId), presence(false), 1, false)
          .waitForCompletion(2_000);
      client.disconnect().waitForCompletion(2_000);
      client.close();
    } catch (MqttException e) {
      LOG.log(Level.WARNING, "Broker session did not close cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void heartbeat() {
    try {
      if (clock.instant().isAfter(renewAt)) {
        renewIdentity();
      }
      if (client.isConnected()) {
        client.publish(LinkTopics.presence(keyId), presence(true), 0, false);
      }
    } catch (MqttException | GeneralSecurityException | RuntimeException e) {
      LOG.log(Level.WARNING, "Heartbeat failed", e);
    }
  }

  private byte[] presence(boolean online) {
    return endpoint.signPresence(online, caCertificate.getPublicKey().getEncoded());
  }

  /** A fresh software key, certified by the CA key on the token: the proof of possession. */
  private void renewIdentity() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    Instant now = clock.instant();
    X509Certificate certificate =
        AgentIdentityCertificates.issue(
            caCertificate.getSubjectX500Principal(),
            pair.getPublic(),
            agentId,
            token.contentSigner(alias),
            now,
            IDENTITY_LIFETIME);
    LinkIdentity fresh = new LinkIdentity(pair.getPrivate(), certificate);
    identities = identities.isEmpty() ? List.of(fresh) : List.of(fresh, identities.get(0));
    renewAt = now.plus(IDENTITY_LIFETIME.dividedBy(2));
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    // A clean start drops the subscriptions: take offers first, requests once a session exists.
    takingRequests = false;
    handshakes.execute(
        () -> {
          try {
            client
                .subscribe(new MqttSubscription(LinkTopics.sessions(keyId, agentId), 0))
                .waitForCompletion(10_000);
            if (endpoint.hasSession()) {
              takeRequests();
            }
            client.publish(LinkTopics.presence(keyId), presence(true), 0, false);
          } catch (MqttException e) {
            LOG.log(Level.WARNING, "Cannot subscribe to the link topics", e);
          }
        });
  }

  private void takeRequests() throws MqttException {
    if (!takingRequests) {
      client
          .subscribe(new MqttSubscription(LinkTopics.sharedRequests(keyId), 0))
          .waitForCompletion(10_000);
      takingRequests = true;
    }
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    MqttProperties properties = message.getProperties();
    if (properties == null || properties.getResponseTopic() == null) {
      LOG.warning("Message without a response topic ignored");
      return;
    }
    if (topic.equals(LinkTopics.sessions(keyId, agentId))) {
      handshakes.execute(() -> acceptOffer(message.getPayload(), properties));
      return;
    }
    AgentEndpoint.Received received;
    try {
      received = endpoint.openRequest(message.getPayload());
    } catch (LinkRefusedException e) {
      LOG.warning(() -> "Request refused: " + e.getMessage());
      return;
    }
    signers.sign(received.batch().items(), answers -> answer(received, properties, answers));
  }

  private void acceptOffer(byte[] offer, MqttProperties request) {
    try {
      AgentEndpoint.Handshake handshake = endpoint.acceptOffer(offer);
      // Subscribed before the server learns of the session, so its first request finds us.
      takeRequests();
      MqttProperties properties = new MqttProperties();
      properties.setCorrelationData(request.getCorrelationData());
      client.publish(
          request.getResponseTopic(), new MqttMessage(handshake.accept(), 0, false, properties));
      LOG.info(() -> "Link session " + handshake.session().id() + " accepted");
    } catch (LinkRefusedException e) {
      LOG.warning(() -> "Session offer refused: " + e.getMessage());
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot answer a session offer", e);
    }
  }

  private void answer(
      AgentEndpoint.Received received, MqttProperties request, SignResponse[] answers) {
    MqttProperties properties = new MqttProperties();
    properties.setCorrelationData(request.getCorrelationData());
    try {
      synchronized (publishing) {
        client.publish(
            request.getResponseTopic(),
            new MqttMessage(
                endpoint.sealResponse(received.session(), new SignBatchResponse(List.of(answers))),
                0,
                false,
                properties));
      }
    } catch (LinkRefusedException | MqttException e) {
      LOG.log(Level.WARNING, "Cannot publish the response", e);
    }
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    LOG.warning(() -> "Broker connection lost; reconnecting: " + response.getReasonString());
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    LOG.log(Level.WARNING, "MQTT error", exception);
  }

  @Override
  public void deliveryComplete(IMqttToken token) {
    // Nothing waits for deliveries.
  }

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {
    // No enhanced authentication.
  }
}
