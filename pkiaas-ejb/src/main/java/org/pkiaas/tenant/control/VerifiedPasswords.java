package org.pkiaas.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a few minutes, which username / password pairs verified and against which stored
 * hash, so that an integrator sending HTTP Basic on every request pays the slow hash once, not per
 * call. Keys and values are SHA-256 digests, never the password; a changed password changes the
 * stored hash and so misses the cache.
 */
@ApplicationScoped
public class VerifiedPasswords {

  private static final Duration TTL = Duration.ofMinutes(5);
  private static final int MAX_ENTRIES = 10_000;

  private record Verified(String storedHashDigest, Instant expiry) {}

  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  /** Whether this pair verified against {@code storedHash} within the last few minutes. */
  public boolean contains(String username, String password, String storedHash) {
    Verified entry = verified.get(key(username, password));
    return entry != null
        && Instant.now().isBefore(entry.expiry())
        && entry.storedHashDigest().equals(PasswordHasher.sha256Hex(storedHash));
  }

  /**
   * Whether this pair verified within the last few minutes, whatever the account holds now: asked
   * before the account is read, to tell a returning client from a guess. Only someone who knew the
   * password a few minutes ago can be remembered.
   */
  public boolean remembers(String username, String password) {
    Verified entry = verified.get(key(username, password));
    return entry != null && Instant.now().isBefore(entry.expiry());
  }

  public void remember(String username, String password, String storedHash) {
    if (verified.size() >= MAX_ENTRIES) {
      Instant now = Instant.now();
      verified.values().removeIf(entry -> !now.isBefore(entry.expiry()));
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
    }
    verified.put(
        key(username, password),
        new Verified(PasswordHasher.sha256Hex(storedHash), Instant.now().plus(TTL)));
  }

  /**
   * The digest a username / password pair is known by here and in {@link SignInCache}:
   * length-prefixed, so that no username / password split of the same characters collides.
   */
  static String key(String username, String password) {
    String name = String.valueOf(username);
    return PasswordHasher.sha256Hex(name.length() + ":" + name + password);
  }
}
