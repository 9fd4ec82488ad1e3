package org.pkiaas.random;

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
}
