package org.pkiaas.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a group's failure does to its callers (the grouping itself: TimestampRecordsTest). */
class CommitGroupsTest {

  private final List<List<String>> attempts = new ArrayList<>();
  private final List<Thread> writers = new ArrayList<>();
  private final Set<String> committed = ConcurrentHashMap.newKeySet();
  private final ExecutorService callers = Executors.newFixedThreadPool(5);
  private final CountDownLatch firstWriting = new CountDownLatch(1);

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  @Test
  void anItemTheDatabaseRefusesFailsOnlyItsOwnCallerWhenItSharedAGroup() throws Exception {
    CommitGroups<String> groups =
        groupsHeldOpenUntilFourWait(
            items -> {
              if (items.contains("bad")) {
                throw new IllegalStateException("Data too long for column 'subject'");
              }
            });
    List<Future<?>> group = fourAfterFirst(groups, List.of("a", "bad", "b", "c"));
    group.get(0).get(10, TimeUnit.SECONDS);
    ExecutionException refused =
        assertThrows(ExecutionException.class, () -> group.get(1).get(10, TimeUnit.SECONDS));
    assertTrue(refused.getCause() instanceof IllegalStateException, refused::toString);
    group.get(2).get(10, TimeUnit.SECONDS);
    group.get(3).get(10, TimeUnit.SECONDS);
    assertEquals(Set.of("first", "a", "b", "c"), committed);
    assertEquals(4, attempts.get(1).size(), "the four waiting shared one attempt first");
    assertEquals(6, attempts.size(), "then each was written alone: " + attempts);
  }

  @Test
  void aDatabaseOutageFailsTheWholeGroupAtOnce() throws Exception {
    IllegalStateException down = new IllegalStateException("Connection refused");
    CommitGroups<String> groups =
        groupsHeldOpenUntilFourWait(
            items -> {
              if (items.size() > 1 || items.contains("a")) {
                throw down;
              }
            });
    for (Future<?> refused : fourAfterFirst(groups, List.of("a", "b", "c", "d"))) {
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
      assertSame(down, e.getCause());
    }
    assertEquals(Set.of("first"), committed);
    assertEquals(2, attempts.size(), "no attempt item by item: " + attempts);
  }

  /**
   * The caller that writes returns once its own item is committed, and one of the callers that
   * queued meanwhile writes the next group: a writer is not kept writing for others under load.
   */
  @Test
  void theWriterHandsTheNextGroupToACallerInIt() throws Exception {
    CommitGroups<String> groups = groupsHeldOpenUntilFourWait(items -> {});
    List<Future<?>> group = fourAfterFirst(groups, List.of("a", "b", "c", "d"));
    for (Future<?> committedItem : group) {
      committedItem.get(10, TimeUnit.SECONDS);
    }
    assertEquals(List.of(List.of("first"), 4), List.of(attempts.get(0), attempts.get(1).size()));
    assertNotEquals(writers.get(0), writers.get(1), "written by another caller");
  }

  @Test
  void anErrorAnswersEveryCallerOfItsGroupAndLeavesTheNextGroupWorking() {
    Error broken = new AssertionError("writer broken");
    CommitGroups<String> groups =
        new CommitGroups<>(
            8,
            items -> {
              if (items.contains("x")) {
                throw broken;
              }
              committed.addAll(items);
            },
            failure -> true);
    Error thrown = assertThrows(Error.class, () -> groups.commit("x"));
    assertSame(broken, thrown);
    groups.commit("y");
    assertEquals(Set.of("y"), committed);
    assertEquals(0, groups.waiting());
  }

  @Test
  void aGroupHoldsAtLeastOneItem() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CommitGroups<String>(0, items -> {}, failure -> true));
  }

  /**
   * Commits "first", and while it is being written the four {@code items} from callers of their
   * own; returns those four callers once "first" has returned.
   */
  private List<Future<?>> fourAfterFirst(CommitGroups<String> groups, List<String> items)
      throws Exception {
    Future<?> first = callers.submit(() -> groups.commit("first"));
    assertTrue(firstWriting.await(10, TimeUnit.SECONDS));
    List<Future<?>> four = new ArrayList<>();
    for (String item : items) {
      four.add(callers.submit(() -> groups.commit(item)));
    }
    first.get(10, TimeUnit.SECONDS);
    return four;
  }

  /**
   * Groups whose first write waits until four more callers have queued, so those four are written
   * together; {@code check} sees every attempt and may refuse it; a failure is split unless it says
   * the connection was refused.
   */
  private CommitGroups<String> groupsHeldOpenUntilFourWait(Consumer<List<String>> check) {
    CommitGroups<String>[] groups = holder();
    groups[0] =
        new CommitGroups<>(
            8,
            items -> {
              boolean first;
              synchronized (attempts) {
                first = attempts.isEmpty();
                attempts.add(List.copyOf(items));
                writers.add(Thread.currentThread());
              }
              if (first) {
                firstWriting.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (groups[0].waiting() < 4 && System.nanoTime() < deadline) {
                  Thread.onSpinWait();
                }
              }
              check.accept(items);
              committed.addAll(items);
            },
            failure -> !failure.getMessage().contains("refused"));
    return groups[0];
  }

  @SuppressWarnings("unchecked")
  private static CommitGroups<String>[] holder() {
    return new CommitGroups[1];
  }
}
