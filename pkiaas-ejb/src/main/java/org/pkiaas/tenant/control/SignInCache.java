package org.pkiaas.tenant.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.pkiaas.tenant.boundary.Accounts;

/**
 * The API's sign-ins of the last few seconds ({@code pkiaas.signin.cache.seconds}, default 5, at
 * most 60), so that a client calling with the same Basic credentials or API token pays the
 * account's read (a connection checkout, its validation and a SELECT) once in that window, not on
 * every call.
 *
 * <p>Only successful sign-ins are kept, keyed by a SHA-256 digest of the credentials, never the
 * credentials themselves. Any change of credentials on this node ({@link CredentialsChanged}: a
 * password change, a revoked token) forgets every entry, when it is made and again when its
 * transaction ends, so a sign-in read while the change was being committed is not kept either; each
 * entry carries the generation it was read in, and an entry of an older generation is never
 * answered. A change made through another node is seen here once the entries it concerns expire: at
 * most the window's length; so is a change made in the database by hand. An entry never outlives
 * the token it was made for.
 */
@ApplicationScoped
public class SignInCache {

  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Accounts.SignIn signIn, long generation, Instant expiry) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  private final AtomicLong generation = new AtomicLong();

  @Inject ThrottleSettings settings;

  private Duration window;

  public SignInCache() {
    // CDI
  }

  /** A cache keeping sign-ins for {@code window}; {@link Duration#ZERO} keeps none. */
  public SignInCache(Duration window) {
    this.window = window;
  }

  @PostConstruct
  void readWindow() {
    window = settings.signInCacheWindow();
  }

  /** The key of an HTTP Basic sign-in: the pair's digest, as {@link VerifiedPasswords} keys it. */
  public static String basicKey(String username, String password) {
    return "basic:" + VerifiedPasswords.key(username, password);
  }

  /** The key of a bearer token's sign-in. */
  public static String bearerKey(String token) {
    return "bearer:" + PasswordHasher.sha256Hex(String.valueOf(token));
  }

  /**
   * The generation a sign-in read from now on belongs to: read it first, hand it to {@link #put}.
   */
  public long generation() {
    return generation.get();
  }

  /** The sign-in kept under {@code key}, if it is of the current generation and not expired. */
  public Optional<Accounts.SignIn> find(String key, Instant now) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.generation() != generation.get() || !now.isBefore(entry.expiry())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.signIn());
  }

  /**
   * Keeps {@code signIn}, read in generation {@code readIn}, unless credentials changed since (then
   * it may be stale) or the window is zero.
   */
  public void put(String key, Accounts.SignIn signIn, long readIn, Instant now) {
    if (window.isZero() || window.isNegative() || readIn != generation.get()) {
      return;
    }
    Instant expiry = now.plus(window);
    Instant notAfter = signIn.caller().notAfter();
    if (notAfter != null && notAfter.isBefore(expiry)) {
      expiry = notAfter;
    }
    if (entries.size() >= MAX_ENTRIES) {
      long current = generation.get();
      entries.values().removeIf(e -> e.generation() != current || !now.isBefore(e.expiry()));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(key, new Entry(signIn, readIn, expiry));
  }

  /** Forgets every sign-in: credentials changed. */
  public void forgetAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  void changing(@Observes CredentialsChanged changed) {
    forgetAll();
  }

  void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) CredentialsChanged changed) {
    forgetAll();
  }

  /** How many entries are kept (for tests). */
  int size() {
    return entries.size();
  }
}
