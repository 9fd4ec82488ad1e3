package org.pkiaas.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RandomnessTest {

  @Test
  void eachThreadHasItsOwnDrbg() throws Exception {
    SecureRandom here = Randomness.current();
    assertSame(here, Randomness.current(), "one per thread, kept");
    assertEquals("DRBG", here.getAlgorithm());
    SecureRandom there = CompletableFuture.supplyAsync(Randomness::current).get();
    assertNotSame(here, there, "never shared between threads");
  }

  @Test
  void uuidsAreVersion4WithTheRfcVariantAndDoNotRepeat() {
    java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      java.util.UUID id = Randomness.uuid();
      assertEquals(4, id.version());
      assertEquals(2, id.variant(), "RFC 9562 §4.1");
      assertEquals(id, java.util.UUID.fromString(id.toString()));
      seen.add(id);
    }
    assertEquals(10_000, seen.size());
  }
}
