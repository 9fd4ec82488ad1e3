package org.pkiaas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitSettingsTest {

  private static Optional<String> lookup(Map<String, String> set, String key) {
    return RateLimitSettings.lookup(
        name -> Optional.ofNullable(set.get(name)), RateLimitSettings.PREFIX + key);
  }

  @Test
  void theNewNameIsRead() {
    assertEquals(Optional.of("7/60"), lookup(Map.of("pkiaas.rate-limits.claim", "7/60"), "claim"));
    assertEquals(
        Optional.of("5"),
        lookup(
            Map.of("pkiaas.rate-limits.acme.new-orders.per-hour", "5"),
            "acme.new-orders.per-hour"));
  }

  @Test
  void theDeprecatedNamesStillWorkAndTheNewOneWins() {
    assertEquals(Optional.of("7/60"), lookup(Map.of("pkiaas.ratelimit.claim", "7/60"), "claim"));
    assertEquals(
        Optional.of("false"),
        lookup(Map.of("pkiaas.acme.rate-limits.enabled", "false"), "acme.enabled"));
    assertEquals(
        Optional.of("new"),
        lookup(
            Map.of("pkiaas.ratelimit.exempt", "old", "pkiaas.rate-limits.exempt", "new"),
            "exempt"));
  }

  @Test
  void unsetOrBlankIsAbsent() {
    assertTrue(lookup(Map.of(), "signup").isEmpty());
    assertTrue(lookup(Map.of("pkiaas.rate-limits.signup", " "), "signup").isEmpty());
  }

  @Test
  void everyDeprecatedNameBelongsToTheOldSchemesAndEveryNewOneToTheNew() {
    RateLimitSettings.DEPRECATED_NAMES.forEach(
        (name, old) -> {
          assertTrue(name.startsWith("pkiaas.rate-limits."), name);
          assertTrue(
              old.startsWith("pkiaas.ratelimit.") || old.startsWith("pkiaas.acme.rate-limits."),
              old);
          assertEquals(
              old.substring(old.lastIndexOf('.') + 1), name.substring(name.lastIndexOf('.') + 1));
        });
  }
}
