package org.pkiaas.tenant.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a few minutes, which username / password / stored-hash triples verified, so that
 * an integrator sending HTTP Basic on every request pays the slow hash once, not per call. Keys are
 * SHA-256 digests, never the password; a changed password changes the stored hash and so misses the
 * cache.
 */
@ApplicationScoped
public class VerifiedPasswords {

  private static final Duration TTL = Duration.ofMinutes(5);
  private static final int MAX_ENTRIES = 10_000;
  private final Map<String, Instant> verified = new ConcurrentHashMap<>();

  public boolean contains(String username, String password, String storedHash) {
    Instant expiry = verified.get(key(username, password, storedHash));
    return expiry != null && Instant.now().isBefore(expiry);
  }

  public void remember(String username, String password, String storedHash) {
    if (verified.size() >= MAX_ENTRIES) {
      Instant now = Instant.now();
      verified.values().removeIf(expiry -> !now.isBefore(expiry));
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
    }
    verified.put(key(username, password, storedHash), Instant.now().plus(TTL));
  }

  private static String key(String username, String password, String storedHash) {
    return PasswordHasher.sha256Hex(username + '\u0000' + password + '\u0000' + storedHash);
  }
}
