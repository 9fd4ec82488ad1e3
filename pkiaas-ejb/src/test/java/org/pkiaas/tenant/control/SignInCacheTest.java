package org.pkiaas.tenant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pkiaas.identity.Caller;
import org.pkiaas.identity.Role;
import org.pkiaas.tenant.boundary.Accounts;

class SignInCacheTest {

  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

  private final SignInCache cache = new SignInCache(Duration.ofSeconds(5));

  private static Accounts.SignIn signIn(Instant notAfter) {
    return new Accounts.SignIn(new Caller("id-1", "alice", Role.USER, notAfter), false);
  }

  @Test
  void aSignInIsAnsweredWithinItsWindowOnly() {
    String key = SignInCache.basicKey("alice", "right password");
    cache.put(key, signIn(null), cache.generation(), NOW);
    assertEquals("alice", cache.find(key, NOW.plusSeconds(4)).orElseThrow().caller().username());
    assertTrue(cache.find(SignInCache.basicKey("alice", "wrong"), NOW).isEmpty());
    assertTrue(cache.find(key, NOW.plusSeconds(5)).isEmpty(), "expired at the window's end");
    assertEquals(0, cache.size(), "an expired entry is dropped when asked for");
  }

  @Test
  void anEntryNeverOutlivesItsToken() {
    String key = SignInCache.bearerKey("pkiaas_token");
    cache.put(key, signIn(NOW.plusSeconds(2)), cache.generation(), NOW);
    assertTrue(cache.find(key, NOW.plusSeconds(1)).isPresent());
    assertTrue(cache.find(key, NOW.plusSeconds(2)).isEmpty());
  }

  @Test
  void aChangeOfCredentialsForgetsEverySignIn() {
    String key = SignInCache.bearerKey("pkiaas_token");
    cache.put(key, signIn(null), cache.generation(), NOW);
    cache.changing(new CredentialsChanged("id-1"));
    assertTrue(cache.find(key, NOW).isEmpty());
    cache.put(key, signIn(null), cache.generation(), NOW);
    cache.changed(new CredentialsChanged("id-1"));
    assertTrue(cache.find(key, NOW).isEmpty(), "forgotten again when the change commits");
  }

  @Test
  void aSignInReadBeforeAChangeIsNotKept() {
    String key = SignInCache.basicKey("alice", "old password");
    long readIn = cache.generation();
    cache.forgetAll(); // the password changed while the sign-in was being read
    cache.put(key, signIn(null), readIn, NOW);
    assertTrue(cache.find(key, NOW).isEmpty());
    assertEquals(0, cache.size());
  }

  @Test
  void aZeroWindowKeepsNothing() {
    SignInCache none = new SignInCache(Duration.ZERO);
    String key = SignInCache.basicKey("alice", "right password");
    none.put(key, signIn(null), none.generation(), NOW);
    assertTrue(none.find(key, NOW).isEmpty());
  }

  @Test
  void keysTellSchemesAndSplitsApartAndHoldNoSecret() {
    assertNotEquals(SignInCache.basicKey("al", "ice"), SignInCache.basicKey("ali", "ce"));
    assertNotEquals(SignInCache.basicKey("a", "b"), SignInCache.bearerKey("b"));
    assertFalse(SignInCache.basicKey("alice", "s3cret-password").contains("s3cret"));
    assertFalse(SignInCache.bearerKey("pkiaas_abcdef").contains("abcdef"));
  }

  @Test
  void aFullCacheMakesRoom() {
    long readIn = cache.generation();
    for (int i = 0; i < 10_000; i++) {
      cache.put(SignInCache.bearerKey("t" + i), signIn(null), readIn, NOW);
    }
    String key = SignInCache.bearerKey("one more");
    cache.put(key, signIn(null), readIn, NOW.plusSeconds(6));
    assertTrue(cache.find(key, NOW.plusSeconds(6)).isPresent());
    assertEquals(1, cache.size(), "the expired entries went to make room");
  }
}
