package org.pkiaas.hsm.adapter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.pkiaas.hsm.link.LinkMessage;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;

/**
 * The signing requests for one CA key that wait to be sent, and how many of the key's batches are
 * on their way. A request finds the way clear (no batch on its way to an agent: fewer than the
 * window) and leaves at once, alone; otherwise it queues, and everything queued leaves together, up
 * to {@link LinkMessage#MAX_BATCH}, as soon as a batch comes back (or is given up on): under load
 * the requests batch themselves, with no delay added when the link is idle.
 *
 * <p>Each agent may also have a second batch on its way, one that has filled to {@link #FULL}
 * requests while the first is out: the agent then opens it while it signs the first, and the cores
 * need not wait for a whole round trip between batches. A smaller batch still waits for one to come
 * back, so pipelining never splits the load into batches too small to be worth their message.
 */
final class BatchQueue {

  /** A caller waiting for its signature. */
  static final class Waiting {
    final UUID id = UUID.randomUUID();
    final SignRequest request;
    final CompletableFuture<SignResponse> answer = new CompletableFuture<>();

    Waiting(SignRequest request) {
      this.request = request;
    }
  }

  /** How many requests a batch needs to leave while each agent already has one on its way. */
  static final int FULL = LinkMessage.MAX_BATCH / 4;

  private final ArrayDeque<Waiting> queued = new ArrayDeque<>();
  private int window;
  private int onTheirWay;

  /**
   * @param window how many batches of any size may be on their way at once (one per agent); as many
   *     again may go once they are {@link #FULL}
   */
  BatchQueue(int window) {
    this.window = window;
  }

  /** Sets the window, for example to the number of agents that share the key's requests. */
  synchronized void window(int batches) {
    window = Math.max(1, batches);
  }

  /**
   * Queues a request.
   *
   * @return a batch to send now (the caller then owns one place in the window), or {@code null}
   */
  synchronized List<Waiting> add(Waiting waiting) {
    queued.add(waiting);
    return next();
  }

  /**
   * A batch came back or was given up on: frees its place in the window.
   *
   * @return a batch to send now (the caller then owns that place again), or {@code null}
   */
  synchronized List<Waiting> released() {
    onTheirWay--;
    return next();
  }

  /** Takes a request out of the queue if it has not left yet. */
  synchronized void withdraw(Waiting waiting) {
    queued.remove(waiting);
  }

  private List<Waiting> next() {
    if (onTheirWay >= 2 * window || onTheirWay >= window && queued.size() < FULL) {
      return null;
    }
    List<Waiting> batch = new ArrayList<>(Math.min(queued.size(), LinkMessage.MAX_BATCH));
    while (!queued.isEmpty() && batch.size() < LinkMessage.MAX_BATCH) {
      Waiting waiting = queued.poll();
      if (!waiting.answer.isDone()) {
        batch.add(waiting);
      }
    }
    if (batch.isEmpty()) {
      return null;
    }
    onTheirWay++;
    return batch;
  }
}
