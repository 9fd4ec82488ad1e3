package org.pkiaas.tenant.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pkiaas.identity.Caller;
import org.pkiaas.identity.Role;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.problem.UnauthenticatedException;
import org.pkiaas.tenant.control.Backoff;
import org.pkiaas.tenant.control.SignInCache;
import org.pkiaas.tenant.control.SignInThrottle;

class ApiSignInsTest {

  private static final String PASSWORD = "the right password";
  private static final String TOKEN = "pkiaas_the-right-token";
  private static final Backoff.Policy POLICY =
      new Backoff.Policy(
          2, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(30), 1000);

  private final AtomicInteger accountReads = new AtomicInteger();
  private final AtomicInteger tokenReads = new AtomicInteger();
  private final SignInThrottle guard = new SignInThrottle(POLICY, POLICY);
  private final SignInCache cache = new SignInCache(Duration.ofSeconds(5));
  private final ApiSignIns signIns = new ApiSignIns();

  /** Stands in for the account's check: one read each time, refusal as the EJB answers it. */
  private class CountingAccounts extends Accounts {
    @Override
    public SignIn signIn(String username, String password, String clientAddress) {
      accountReads.incrementAndGet();
      if (guard.refusal(username, clientAddress, Instant.now()).isPresent()) {
        throw new ThrottledException("Sign-in refused: wait", 30);
      }
      if (!PASSWORD.equals(password)) {
        guard.failed(username, clientAddress, Instant.now());
        throw new UnauthenticatedException("Invalid username or password");
      }
      return new SignIn(new Caller("id-alice", username, Role.USER), false);
    }
  }

  private final class CountingTokens extends ApiTokens {
    @Override
    public Accounts.SignIn signIn(String presented) {
      tokenReads.incrementAndGet();
      if (!TOKEN.equals(presented)) {
        throw new UnauthenticatedException("Invalid or expired API token");
      }
      return new Accounts.SignIn(
          new Caller("id-alice", "alice", Role.USER, Instant.now().plusSeconds(3600)), false);
    }
  }

  ApiSignInsTest() {
    signIns.accounts = new CountingAccounts();
    signIns.tokens = new CountingTokens();
    signIns.cache = cache;
    signIns.throttle = guard;
  }

  @Test
  void aRepeatedSignInIsAnsweredWithoutReadingTheAccount() {
    Accounts.SignIn first = signIns.basic("alice", PASSWORD, "10.0.0.1");
    assertSame(first, signIns.basic("alice", PASSWORD, "10.0.0.1"));
    assertEquals(1, accountReads.get());
    signIns.bearer(TOKEN);
    signIns.bearer(TOKEN);
    assertEquals(1, tokenReads.get());
  }

  @Test
  void failuresAreNeverKept() {
    for (int i = 0; i < 2; i++) {
      assertThrows(
          UnauthenticatedException.class, () -> signIns.basic("alice", "wrong", "10.0.0.2"));
      assertThrows(UnauthenticatedException.class, () -> signIns.bearer("pkiaas_forged"));
    }
    assertEquals(2, accountReads.get());
    assertEquals(2, tokenReads.get());
  }

  @Test
  void aKeptSignInWaitsWhileItsAddressWaits() {
    signIns.basic("alice", PASSWORD, "10.0.0.3");
    for (int i = 0; i < 3; i++) {
      assertThrows(
          UnauthenticatedException.class, () -> signIns.basic("mallory", "guess", "10.0.0.3"));
    }
    assertThrows(ThrottledException.class, () -> signIns.basic("alice", PASSWORD, "10.0.0.3"));
    assertEquals(5, accountReads.get(), "the kept sign-in went to the check, which refused it");
  }

  @Test
  void aKeptSignInMakesItsAddressKnownToTheThrottle() {
    signIns.basic("alice", PASSWORD, "10.0.0.4");
    signIns.basic("alice", PASSWORD, "10.0.0.5"); // answered from memory
    for (int i = 0; i < 3; i++) {
      int n = i;
      assertThrows(
          UnauthenticatedException.class,
          () -> signIns.basic("alice", "guess", "192.0.2." + n)); // the account must now wait
    }
    assertTrue(guard.refusal("alice", "10.0.0.5", Instant.now()).isEmpty());
    assertTrue(guard.refusal("alice", "192.0.2.9", Instant.now()).isPresent());
  }

  @Test
  void aSignInReadWhileCredentialsChangedIsNotKept() {
    signIns.accounts =
        new CountingAccounts() {
          @Override
          public SignIn signIn(String username, String password, String clientAddress) {
            cache.forgetAll(); // the password changes while this sign-in reads the account
            return super.signIn(username, password, clientAddress);
          }
        };
    signIns.basic("alice", PASSWORD, "10.0.0.6");
    signIns.basic("alice", PASSWORD, "10.0.0.6");
    assertEquals(2, accountReads.get());
  }
}
