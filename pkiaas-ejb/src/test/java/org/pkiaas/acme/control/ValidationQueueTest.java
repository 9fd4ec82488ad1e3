package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ValidationQueueTest {

  @Test
  void aBusyAccountDoesNotStarveTheOthers() throws Exception {
    ValidationQueue queue = new ValidationQueue(1000, 10_000);
    for (int i = 0; i < 500; i++) {
      assertTrue(queue.offer("greedy", "g" + i));
    }
    queue.offer("modest", "m0");
    queue.offer("other", "o0");
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      order.add(queue.take());
    }
    assertEquals(
        List.of("g0", "m0", "o0", "g1"), order, "each account in turn, whoever queued most");
    assertEquals(498, queue.size());
  }

  @Test
  void lanesAndTheQueueAreBounded() {
    ValidationQueue queue = new ValidationQueue(2, 3);
    assertTrue(queue.offer("a", "a1"));
    assertTrue(queue.offer("a", "a2"));
    assertFalse(queue.offer("a", "a3"), "the account's lane is full");
    assertTrue(queue.offer("b", "b1"));
    assertFalse(queue.offer("c", "c1"), "the queue is full");
    assertTrue(queue.offer("a", "a1"), "a challenge already waiting is accepted, not queued twice");
    assertEquals(3, queue.size());
  }

  @Test
  void takeWaitsForAChallenge() throws Exception {
    ValidationQueue queue = new ValidationQueue(10, 10);
    CompletableFuture<String> taken =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return queue.take();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertFalse(taken.isDone());
    queue.offer("a", "a1");
    assertEquals("a1", taken.get(5, TimeUnit.SECONDS));
  }
}
