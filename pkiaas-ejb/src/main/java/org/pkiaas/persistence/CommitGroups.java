package org.pkiaas.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Commits what concurrent callers hand in, many to a transaction: each caller queues its item and
 * returns once the transaction that holds it has committed, so nothing is answered before it is
 * stored. One caller at a time writes: everything queued so far, at once (the {@code writer} given,
 * which commits before it returns), in groups until its own item is written; then it returns, and
 * wakes the caller whose item now heads the queue, which takes over. Each caller sleeps until its
 * own item is answered or its turn comes: one wake-up per item and one per group. Under load one
 * commit, one connection checkout and one round trip per statement serve many items; alone, an item
 * is written at once. Call it with no transaction of the caller's open: a caller waits here for
 * other callers' writes, which must not need what its own transaction holds.
 *
 * <p>A group that fails is written again one item at a time when the failure may lie with one of
 * its items ({@code split}), so a row the database refuses fails only its own caller; otherwise
 * (the database is down) every caller of the group fails at once with that failure.
 *
 * @param <T> what one caller hands in
 */
public final class CommitGroups<T> {

  private static final Logger LOG = Logger.getLogger(CommitGroups.class.getName());

  /** How long a waiting caller sleeps at most before it looks at its item and the lock again. */
  private static final long RECHECK_NANOS = 100_000_000;

  private final int maxGroup;
  private final Consumer<List<T>> writer;
  private final Predicate<RuntimeException> split;
  private final Queue<Queued<T>> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writing = new ReentrantLock();

  /** An item waiting for its transaction's commit. */
  private static final class Queued<T> extends CompletableFuture<Void> {
    final T item;
    final Thread caller = Thread.currentThread();

    Queued(T item) {
      this.item = item;
    }
  }

  /**
   * @param maxGroup the most items written in one transaction
   * @param writer writes and commits the items it is given, all or none of them
   * @param split whether a group's failure may lie with one of its items, so that each is written
   *     again on its own
   */
  public CommitGroups(int maxGroup, Consumer<List<T>> writer, Predicate<RuntimeException> split) {
    if (maxGroup < 1) {
      throw new IllegalArgumentException("A group holds at least one item");
    }
    this.maxGroup = maxGroup;
    this.writer = writer;
    this.split = split;
  }

  /**
   * Returns once {@code item} is committed. An interrupt does not end the wait (the item may be
   * committed after all); the thread's interrupt status is set again on return.
   *
   * @throws RuntimeException what writing it threw
   */
  public void commit(T item) {
    Queued<T> mine = new Queued<>(item);
    queue.add(mine);
    boolean interrupted = false;
    while (!mine.isDone()) {
      if (writing.tryLock()) {
        try {
          // while this caller holds the lock its item is either answered or still queued
          while (!mine.isDone() && !queue.isEmpty()) {
            writeGroup();
          }
        } finally {
          writing.unlock();
          handOver();
        }
      } else {
        // woken when the item is answered or when it heads the queue and the lock is free; a
        // wake-up given before this sleeps makes it return at once
        LockSupport.parkNanos(this, RECHECK_NANOS);
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    answer(mine);
  }

  /** How many items wait for a group. */
  public int waiting() {
    return queue.size();
  }

  /** Wakes the caller whose item heads the queue, to write it with everything queued behind. */
  private void handOver() {
    Queued<T> next = queue.peek();
    if (next != null) {
      LockSupport.unpark(next.caller);
    }
  }

  /** Writes the next group and answers every caller in it, whatever happens. */
  private void writeGroup() {
    List<Queued<T>> group = new ArrayList<>();
    for (Queued<T> next; group.size() < maxGroup && (next = queue.poll()) != null; ) {
      group.add(next);
    }
    try {
      RuntimeException failure = write(group);
      if (failure == null) {
        group.forEach(queued -> queued.complete(null));
      } else if (group.size() > 1 && split.test(failure)) {
        LOG.log(
            Level.INFO,
            "A group of {0} failed ({1}); writing each on its own",
            new Object[] {group.size(), failure.toString()});
        for (Queued<T> alone : group) {
          RuntimeException own = write(List.of(alone));
          if (own == null) {
            alone.complete(null);
          } else {
            alone.completeExceptionally(own);
          }
        }
      } else {
        group.forEach(queued -> queued.completeExceptionally(failure));
      }
    } catch (Error e) {
      group.forEach(queued -> queued.completeExceptionally(e));
      throw e;
    } finally {
      // an Error thrown part way through a group's single writes leaves no caller waiting (and
      // only then is an exception made: filling in its stack trace costs more than the wake-up)
      for (Queued<T> queued : group) {
        if (!queued.isDone()) {
          queued.completeExceptionally(new IllegalStateException("Not written"));
        }
        if (queued.caller != Thread.currentThread()) {
          LockSupport.unpark(queued.caller);
        }
      }
    }
  }

  /** Writes {@code group}; {@code null} if it committed, else what the writer threw. */
  private RuntimeException write(List<Queued<T>> group) {
    try {
      writer.accept(group.stream().map(queued -> queued.item).toList());
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Returns if {@code done} committed, else throws what failed it. */
  private static void answer(Queued<?> done) {
    try {
      done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      // done: get() does not wait
      Thread.currentThread().interrupt();
    }
  }
}
