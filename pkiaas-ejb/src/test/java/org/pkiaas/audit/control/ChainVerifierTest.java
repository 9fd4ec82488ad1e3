package org.pkiaas.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.pkiaas.audit.boundary.AuditVerification.Break;
import org.pkiaas.audit.control.AuditChain.Sealed;
import org.pkiaas.audit.control.ChainVerifier.Head;

class ChainVerifierTest {

  private static final String CHAIN = "5f0c8e0e-5a57-4c39-9b4e-7f3b1f3c2a10";
  private final AuditChain chain =
      AuditChain.withKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  /** A sealed event as the database would hold it, with its MAC. */
  private record Row(Sealed event, String mac) {}

  private List<Row> sealedChain(int length) {
    List<Row> rows = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (int i = 1; i <= length; i++) {
      Sealed event =
          new Sealed(
              "id-" + i,
              Instant.ofEpochMilli(1_700_000_000_000L + i),
              null,
              "anonymous",
              "certificate.issue",
              "CERTIFICATE",
              "cert-" + i,
              "SUCCESS",
              "serial 0" + i,
              CHAIN,
              "ca-1",
              CHAIN,
              i,
              previous);
      String mac = chain.mac(event);
      rows.add(new Row(event, mac));
      previous = mac;
    }
    return rows;
  }

  private Head headOf(List<Row> rows) {
    Row last = rows.get(rows.size() - 1);
    return new Head(
        CHAIN,
        last.event().seq(),
        last.mac(),
        chain.headMac(CHAIN, last.event().seq(), last.mac()));
  }

  private Optional<Break> verify(List<Row> rows, Head head) {
    ChainVerifier verifier = new ChainVerifier(chain, CHAIN);
    for (Row row : rows) {
      Optional<Break> found = verifier.next(row.event(), row.mac());
      if (found.isPresent()) {
        return found;
      }
    }
    return verifier.finish(head);
  }

  private static Row edit(Row row, UnaryOperator<Sealed> change) {
    return new Row(change.apply(row.event()), row.mac());
  }

  @Test
  void anUntouchedChainVerifies() {
    List<Row> rows = sealedChain(5);
    assertEquals(Optional.empty(), verify(rows, headOf(rows)));
    ChainVerifier verifier = new ChainVerifier(chain, CHAIN);
    rows.forEach(r -> verifier.next(r.event(), r.mac()));
    assertEquals(5, verifier.checked());
  }

  @Test
  void anEmptyChainWithoutHeadVerifies() {
    assertEquals(Optional.empty(), new ChainVerifier(chain, CHAIN).finish(null));
  }

  /** The event with one component replaced. */
  private static Sealed with(Sealed event, String component, Object value) {
    RecordComponent[] components = Sealed.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] =
            components[i].getName().equals(component)
                ? value
                : components[i].getAccessor().invoke(event);
      }
      return Sealed.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyFieldIsCoveredByTheMac() {
    Sealed event = sealedChain(1).get(0).event();
    Map<String, Object> changes =
        Map.ofEntries(
            Map.entry("id", "other"),
            Map.entry("occurredAt", event.occurredAt().plusMillis(1)),
            Map.entry("actorId", "someone"),
            Map.entry("actor", "admin"),
            Map.entry("action", "ca.delete"),
            Map.entry("objectType", "CA"),
            Map.entry("objectId", "cert-9"),
            Map.entry("outcome", "FAILURE"),
            Map.entry("detail", "serial 0badc0de"),
            Map.entry("tenantId", "other-tenant"),
            Map.entry("caId", "ca-2"),
            Map.entry("chainId", "system"),
            Map.entry("seq", 2L),
            Map.entry("previousMac", "1".repeat(64)));
    assertEquals(
        Arrays.stream(Sealed.class.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toSet()),
        changes.keySet(),
        "every component is tried");
    String original = chain.mac(event);
    changes.forEach(
        (component, value) ->
            assertNotEquals(original, chain.mac(with(event, component, value)), component));
    assertNotEquals(original, chain.mac(with(event, "detail", null)), "an absent detail");
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    Sealed e = sealedChain(1).get(0).event();
    Sealed a = with(with(e, "actor", "ab"), "action", "c");
    Sealed b = with(with(e, "actor", "a"), "action", "bc");
    assertNotEquals(chain.mac(a), chain.mac(b));
    assertNotEquals(
        chain.mac(with(b, "detail", null)),
        chain.mac(with(b, "detail", "")),
        "an empty field is not an absent one");
  }

  @Test
  void anotherKeyGivesOtherMacs() {
    Sealed e = sealedChain(1).get(0).event();
    AuditChain other = AuditChain.fromMasterKey(new SecretKeySpec(new byte[32], "AES"));
    assertNotEquals(chain.mac(e), other.mac(e));
    assertEquals(64, chain.mac(e).length());
  }

  @Test
  void anEditedEventIsTheFirstBrokenLink() {
    List<Row> rows = sealedChain(5);
    rows.set(2, edit(rows.get(2), e -> with(e, "detail", "serial 0badc0de")));
    Break found = verify(rows, headOf(rows)).orElseThrow();
    assertEquals(3, found.seq());
    assertEquals("id-3", found.eventId());
    assertTrue(found.problem().contains("changed"), found.problem());
  }

  @Test
  void anEditedMacBreaksTheNextLink() {
    List<Row> rows = sealedChain(4);
    Row second = rows.get(1);
    rows.set(1, new Row(second.event(), chain.mac(with(second.event(), "actor", "x"))));
    Break found = verify(rows, headOf(rows)).orElseThrow();
    assertEquals(2, found.seq(), "the stored MAC no longer matches the event");
  }

  @Test
  void aDeletedEventIsAGap() {
    List<Row> rows = sealedChain(5);
    rows.remove(1);
    Break found = verify(rows, headOf(rows)).orElseThrow();
    assertEquals(2, found.seq());
    assertEquals("id-3", found.eventId());
    assertTrue(found.problem().contains("missing"), found.problem());
  }

  @Test
  void swappedEventsBreakTheChain() {
    List<Row> rows = sealedChain(4);
    Row second = rows.get(1);
    Row third = rows.get(2);
    // renumbered so that the positions look right: only the links give it away
    rows.set(1, edit(third, e -> with(e, "seq", 2L)));
    rows.set(2, edit(second, e -> with(e, "seq", 3L)));
    Break found = verify(rows, headOf(rows)).orElseThrow();
    assertEquals(2, found.seq());
  }

  @Test
  void cuttingOffTheEndIsFoundByTheHead() {
    List<Row> rows = sealedChain(5);
    Head head = headOf(rows);
    List<Row> cut = rows.subList(0, 3);
    Break found = verify(cut, head).orElseThrow();
    assertEquals(4, found.seq());
    assertTrue(found.problem().contains("end"), found.problem());
  }

  @Test
  void aHeadRewrittenWithoutTheKeyIsFound() {
    List<Row> rows = sealedChain(5);
    List<Row> cut = rows.subList(0, 3);
    Row last = cut.get(2);
    Head forged = new Head(CHAIN, 3, last.mac(), headOf(rows).headMac());
    Break found = verify(cut, forged).orElseThrow();
    assertTrue(found.problem().contains("head was altered"), found.problem());
    assertTrue(verify(rows, null).isPresent(), "events without a head");
  }

  @Test
  void anEventMovedFromAnotherChainIsFound() {
    List<Row> rows = sealedChain(2);
    rows.set(1, edit(rows.get(1), e -> with(e, "chainId", "system")));
    assertEquals(2, verify(rows, headOf(rows)).orElseThrow().seq());
  }
}
