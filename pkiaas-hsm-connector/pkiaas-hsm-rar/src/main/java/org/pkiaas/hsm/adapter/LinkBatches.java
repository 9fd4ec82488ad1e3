package org.pkiaas.hsm.adapter;

import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.pkiaas.hsm.adapter.BatchQueue.Waiting;
import org.pkiaas.hsm.link.KeyId;
import org.pkiaas.hsm.link.LinkMessage;
import org.pkiaas.hsm.link.LinkMessage.BatchItem;
import org.pkiaas.hsm.link.LinkMessage.SignBatch;
import org.pkiaas.hsm.link.LinkMessage.SignBatchResponse;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;
import org.pkiaas.hsm.link.LinkRefusedException;
import org.pkiaas.hsm.link.ServerEndpoint;

/**
 * The server's batches of signing requests: each key's {@link BatchQueue}, the batches on their
 * way, and the matching of each answer in a batch's response to its caller.
 *
 * <p>A batch is sealed in the sessions of the key's live agents and published under one lock, so
 * each session's records leave in sequence. Its response is opened once; each signature in it is
 * still checked by its own caller. A batch holds a place in its key's window until it comes back,
 * all its callers have given up, or {@link #LEASE} has passed (an agent that left or was killed
 * with it in hand must not hold the key's other requests back); whatever the window then lets go
 * leaves at once, on the thread that freed the place.
 */
final class LinkBatches {

  /** Publishes a sealed batch to the key's request topic with the batch id as correlation data. */
  interface Publisher {
    void publish(KeyId keyId, UUID batchId, byte[] frame) throws MqttException;
  }

  /** No agent of the key had a session yet when its batch was to be sealed. */
  static final class NoSessionYet extends Exception {
    private static final long serialVersionUID = 1L;

    NoSessionYet() {
      super(null, null, false, false);
    }
  }

  // A batch that has not come back in this time stops holding its key's window.
  private static final Duration LEASE = Duration.ofMillis(250);

  /** A batch on its way: who waits for it, and whether it still holds a place in the window. */
  private record InFlight(
      PublicKey caKey, BatchQueue queue, List<Waiting> waiting, long sent, AtomicBoolean holds) {

    InFlight(PublicKey caKey, BatchQueue queue, List<Waiting> waiting) {
      this(caKey, queue, waiting, System.nanoTime(), new AtomicBoolean(true));
    }

    /** Gives up the batch's place in the window, once. */
    boolean release() {
      return holds.compareAndSet(true, false);
    }
  }

  private final ServerEndpoint endpoint;
  private final AgentRoster roster;
  private final Publisher publisher;
  private final Map<UUID, InFlight> pending = new ConcurrentHashMap<>();
  private final Map<KeyId, BatchQueue> queues = new ConcurrentHashMap<>();
  private final Object publishing = new Object();
  // how many batches of each size left, for the benchmark's reading of the link
  private final AtomicLongArray sizesSent = new AtomicLongArray(LinkMessage.MAX_BATCH + 1);

  LinkBatches(ServerEndpoint endpoint, AgentRoster roster, Publisher publisher) {
    this.endpoint = endpoint;
    this.roster = roster;
    this.publisher = publisher;
  }

  /**
   * Queues a request for a key that {@code agents} agents serve, and sends it now if the key's
   * window is clear.
   *
   * @return what the caller waits on; it fails with {@link NoSessionYet} if no agent had a session
   */
  Waiting submit(KeyId keyId, PublicKey caKey, SignRequest request, int agents) {
    BatchQueue queue = queues.computeIfAbsent(keyId, k -> new BatchQueue(1));
    queue.window(agents);
    Waiting waiting = new Waiting(request);
    send(keyId, caKey, queue, queue.add(waiting));
    return waiting;
  }

  /** A caller gave up: its request does not leave if it has not left yet. */
  void withdraw(KeyId keyId, Waiting waiting) {
    waiting.answer.cancel(false);
    BatchQueue queue = queues.get(keyId);
    if (queue != null) {
      queue.withdraw(waiting);
    }
  }

  /**
   * Seals a batch in the sessions of the key's live agents and publishes it, then whatever the
   * window lets go after it; a batch that cannot leave fails its callers and frees its place.
   */
  private void send(KeyId keyId, PublicKey caKey, BatchQueue queue, List<Waiting> batch) {
    while (batch != null) {
      SignBatch body =
          new SignBatch(batch.stream().map(w -> new BatchItem(w.id, w.request)).toList());
      Throwable failure = new NoSessionYet();
      try {
        synchronized (publishing) {
          Optional<ServerEndpoint.Sealed> sealed =
              endpoint.sealRequest(keyId, body, roster.live(keyId));
          if (sealed.isPresent()) {
            UUID id = sealed.get().message().messageId();
            pending.put(id, new InFlight(caKey, queue, batch));
            try {
              publisher.publish(keyId, id, sealed.get().bytes());
              sizesSent.incrementAndGet(batch.size());
              return;
            } catch (MqttException e) {
              pending.remove(id);
              failure = e;
            }
          }
        }
      } catch (RuntimeException e) {
        failure = e;
      }
      for (Waiting waiting : batch) {
        waiting.answer.completeExceptionally(failure);
      }
      batch = queue.released();
    }
  }

  /**
   * Completes the callers of a batch from its response, and lets the key's next batch go.
   *
   * @throws LinkRefusedException if the response does not open (the batch stays pending)
   */
  void answer(UUID batchId, byte[] frame) throws LinkRefusedException {
    InFlight batch = pending.get(batchId);
    if (batch == null) {
      return; // every caller gave up
    }
    SignBatchResponse responses = endpoint.openResponse(frame, batch.caKey());
    if (pending.remove(batchId) == null) {
      return;
    }
    Map<UUID, SignResponse> byId = new HashMap<>();
    for (SignResponse response : responses.responses()) {
      byId.put(response.inReplyTo(), response);
    }
    for (Waiting waiting : batch.waiting()) {
      SignResponse response = byId.get(waiting.id);
      if (response != null) {
        waiting.answer.complete(response);
      } else {
        waiting.answer.completeExceptionally(
            new LinkRefusedException("The device's answer left a request out"));
      }
    }
    release(batch);
  }

  /** Frees the place of batches all callers gave up on, and of those out longer than the lease. */
  void sweep() {
    long now = System.nanoTime();
    for (Map.Entry<UUID, InFlight> entry : pending.entrySet()) {
      InFlight batch = entry.getValue();
      boolean abandoned = batch.waiting().stream().allMatch(w -> w.answer.isDone());
      if (abandoned) {
        pending.remove(entry.getKey());
      }
      if (abandoned || now - batch.sent() > LEASE.toNanos()) {
        release(batch);
      }
    }
  }

  private void release(InFlight batch) {
    if (batch.release()) {
      send(KeyId.of(batch.caKey()), batch.caKey(), batch.queue(), batch.queue().released());
    }
  }

  /** How many batches of each size (the index, 1 to {@link LinkMessage#MAX_BATCH}) have left. */
  long[] sizesSent() {
    long[] sizes = new long[sizesSent.length()];
    for (int size = 0; size < sizes.length; size++) {
      sizes[size] = sizesSent.get(size);
    }
    return sizes;
  }

  /** Fails every caller still waiting: the link stops. */
  void failAll(Throwable why) {
    pending.values().stream()
        .flatMap(batch -> batch.waiting().stream())
        .forEach(w -> w.answer.completeExceptionally(why));
  }
}
