package org.pkiaas.tsa.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.pkiaas.tsa.entity.TimestampToken;

/**
 * Records granted time stamps in groups: each caller queues its token and waits until the statement
 * that holds it has committed, so a token is still recorded before it is returned. Whoever holds
 * the writer's lock writes everything queued so far at once ({@link TimestampTokens#recordAll}: one
 * statement, one commit), and goes on until nothing waits; callers that queued meanwhile wait for
 * their token's commit. Under load one commit serves many tokens; alone, a token is written at
 * once, as before. A batch that fails fails every caller in it: none of those tokens is returned.
 */
@ApplicationScoped
public class TimestampRecords {

  /** The most tokens written in one transaction. */
  static final int MAX_BATCH = 256;

  @Inject TimestampTokens store;

  private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock();

  /** A token waiting for its transaction's commit. */
  private static final class Queued extends CompletableFuture<Void> {
    final TimestampToken token;

    Queued(TimestampToken token) {
      this.token = token;
    }
  }

  /**
   * Returns once the token is committed.
   *
   * @throws RuntimeException what writing its batch threw
   */
  public void record(TimestampToken token) {
    Queued mine = new Queued(token);
    queue.add(mine);
    drain();
    try {
      mine.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : e;
    }
  }

  /**
   * Writes batches until nothing waits, unless another thread is writing: then that writer, which
   * checks the queue again after it lets go of the lock, takes this caller's token, and the caller
   * waits for its own token's commit rather than for the lock. Waiting for the lock instead made
   * every caller of a batch take it in turn after the commit only to find its token written: one
   * lock hand-off per token, while the next batch waited behind them.
   */
  private void drain() {
    while (!queue.isEmpty() && writer.tryLock()) {
      try {
        while (!queue.isEmpty()) {
          writeBatch();
        }
      } finally {
        writer.unlock();
      }
    }
  }

  /** How many tokens wait for a batch. */
  int waiting() {
    return queue.size();
  }

  private void writeBatch() {
    List<Queued> batch = new ArrayList<>();
    for (Queued next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
      batch.add(next);
    }
    try {
      store.recordAll(batch.stream().map(queued -> queued.token).toList());
      batch.forEach(queued -> queued.complete(null));
    } catch (RuntimeException e) {
      batch.forEach(queued -> queued.completeExceptionally(e));
    }
  }
}
