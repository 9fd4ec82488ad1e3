package org.pkiaas.crl.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pkiaas.config.NodeName;
import org.pkiaas.crl.control.ChunkedBytes;
import org.pkiaas.crl.control.CrlBuilder;
import org.pkiaas.crl.control.CrlStates;
import org.pkiaas.crl.entity.PublishedCrl;

/**
 * When a CRL is built, and by whom: the decisions of {@link CrlService}, with the database and the
 * builder replaced by in-memory stand-ins that record what was asked of them.
 */
class CrlServiceTest {

  private static final String CA = "ca-1";

  private final FakeStates states = new FakeStates();
  private final FakeBuilder builder = new FakeBuilder();
  private final CrlService service = new CrlService();

  @BeforeEach
  void wire() {
    service.states = states;
    service.builder = builder;
    service.node = new NodeName();
  }

  @Test
  void buildsOnTheFirstRequestAndServesThatUntilSomethingChanges() {
    CrlDocument first = service.complete(CA);
    assertEquals(1, builder.builds);
    assertSame(first, service.complete(CA));
    assertEquals(1, builder.builds, "unchanged: served from memory");

    states.revision++;
    CrlDocument second = service.complete(CA);
    assertEquals(2, builder.builds, "a status change makes the next request build");
    assertEquals(first.number() + 1, second.number());
    assertEquals(List.of("acquire", "release", "acquire", "release"), states.leaseCalls);
  }

  @Test
  void whileAnotherNodeBuildsThePreviousValidCrlIsServedWithoutWaiting() {
    service.complete(CA);
    states.published = stored(1, states.revision, Instant.now().plus(Duration.ofDays(30)));
    states.revision++;
    states.leaseFree = false; // someone else holds the build lease
    long started = System.nanoTime();
    CrlDocument served = service.complete(CA);
    assertEquals(1, served.number(), "the previous CRL, still valid");
    assertEquals(1, builder.builds, "no second build");
    assertEquals(
        true, System.nanoTime() - started < Duration.ofSeconds(1).toNanos(), "and no waiting");
  }

  @Test
  void losingTheLeaseToAConcurrentNodeMeansWaitingForItsCrlNotAnError() {
    states.leaseConflicts = 1; // the other node's lease won certification
    Thread otherNode =
        new Thread(
            () -> {
              sleepQuietly(400);
              builder.buildComplete(CA);
              states.leaseFree = true;
            });
    otherNode.start();
    CrlDocument served = service.complete(CA);
    assertEquals(1, served.number(), "the other node's CRL");
    assertEquals(1, builder.builds, "built once, by the other node");
    assertEquals(
        CrlService.Outcome.BUSY,
        refreshLosingTheLease(),
        "the job skips a CA whose lease another node won");
  }

  private CrlService.Outcome refreshLosingTheLease() {
    states.leaseConflicts = 1;
    states.revision++;
    return service.refreshIfDue(CA, Duration.ofDays(3));
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void anExpiredCrlIsRebuiltEvenWithoutChanges() {
    states.published = stored(1, states.revision, Instant.now().minusSeconds(1));
    service.complete(CA);
    assertEquals(1, builder.builds);
  }

  @Test
  void theJobSkipsCurrentCrlsAndBuildsThoseNearTheirEnd() {
    states.published = stored(1, states.revision, Instant.now().plus(Duration.ofDays(30)));
    assertEquals(CrlService.Outcome.CURRENT, service.refreshIfDue(CA, Duration.ofDays(3)));
    assertEquals(CrlService.Outcome.BUILT, service.refreshIfDue(CA, Duration.ofDays(31)));
    states.leaseFree = false;
    states.revision++;
    assertEquals(CrlService.Outcome.BUSY, service.refreshIfDue(CA, Duration.ofDays(3)));
    assertEquals(1, builder.builds);
  }

  @Test
  void withNothingValidToServeARequestWaitsForTheBuilderAndThenGivesUpClearly() {
    states.leaseFree = false;
    service.waitLimit = Duration.ofMillis(600);
    assertThrows(org.pkiaas.problem.UnavailableException.class, () -> service.complete(CA));
    assertEquals(0, builder.builds);
  }

  @Test
  void duringADatabaseOutageTheValidCrlInMemoryIsServed() {
    CrlDocument held = service.complete(CA);
    states.down = new IllegalStateException(new SQLTransientConnectionException("gone", "08000"));
    assertSame(held, service.complete(CA), "the node's valid CRL");
    assertEquals(1, builder.builds);

    CrlService fresh = new CrlService();
    fresh.states = states;
    fresh.builder = builder;
    fresh.node = new NodeName();
    assertSame(
        states.down,
        assertThrows(IllegalStateException.class, () -> fresh.complete(CA)),
        "nothing in memory: the outage shows");
  }

  @Test
  void anExpiredCrlInMemoryOrAnotherFailureIsNotHiddenByTheFallback() {
    builder.validity = Duration.ofSeconds(-1); // expired as soon as it is made
    service.complete(CA);
    states.down = new IllegalStateException(new SQLTransientConnectionException("gone", "08000"));
    assertThrows(IllegalStateException.class, () -> service.complete(CA), "expired");

    builder.validity = Duration.ofDays(30);
    states.down = null;
    service.complete(CA);
    states.down = new IllegalStateException("not an outage");
    assertThrows(IllegalStateException.class, () -> service.complete(CA));
  }

  private static PublishedCrl stored(long number, long revision, Instant nextUpdate) {
    Instant thisUpdate = nextUpdate.minus(30, ChronoUnit.DAYS);
    return new PublishedCrl(CA, number, revision, 0, thisUpdate, nextUpdate, thisUpdate, 3, 1);
  }

  private static final class FakeStates extends CrlStates {
    long revision = 1;
    long number;
    volatile boolean leaseFree = true;
    int leaseConflicts;
    volatile PublishedCrl published;
    RuntimeException down;
    final List<String> leaseCalls = new ArrayList<>();

    @Override
    public Status status(String caId) {
      if (down != null) {
        throw down;
      }
      return new Status(null, revision, published);
    }

    @Override
    public boolean acquireLease(String caId, String holder, Instant until) {
      leaseCalls.add("acquire");
      if (leaseConflicts > 0) {
        leaseConflicts--;
        leaseFree = false; // held by the node that won
        throw new IllegalStateException(new SQLException("Deadlock found", "40001", 1213));
      }
      return leaseFree;
    }

    @Override
    public void releaseLease(String caId, String holder) {
      leaseCalls.add("release");
    }

    @Override
    public ChunkedBytes load(PublishedCrl crl) {
      return ChunkedBytes.of(List.of(new byte[] {1, 2, 3}));
    }
  }

  private final class FakeBuilder extends CrlBuilder {
    volatile int builds;
    Duration validity = Duration.ofDays(30);

    @Override
    public CrlDocument buildComplete(String caId) {
      builds++;
      Instant now = Instant.now();
      CrlDocument built =
          new CrlDocument(
              caId,
              ++states.number,
              null,
              states.revision,
              0,
              now,
              now.plus(validity),
              ChunkedBytes.of(List.of(new byte[] {1})));
      states.published = stored(built.number(), built.revision(), built.nextUpdate());
      return built;
    }
  }
}
