package org.pkiaas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The renewal job's settings under its new name, and under the name it had before. */
class ServiceRenewalSettingsTest {

  private static ServiceRenewalSettings settings(
      Integer interval, Integer legacyInterval, Integer margin, Integer legacyMargin) {
    ServiceRenewalSettings settings = new ServiceRenewalSettings();
    settings.intervalMinutes = Optional.ofNullable(interval);
    settings.legacyIntervalMinutes = Optional.ofNullable(legacyInterval);
    settings.marginDays = Optional.ofNullable(margin);
    settings.legacyMarginDays = Optional.ofNullable(legacyMargin);
    return settings;
  }

  @Test
  void nothingSetGivesTheDefaults() {
    ServiceRenewalSettings none = settings(null, null, null, null);
    assertEquals(Duration.ofMinutes(60), none.interval());
    assertEquals(Duration.ofDays(14), none.margin());
  }

  @Test
  void theOldKeysStillWork() {
    ServiceRenewalSettings old = settings(null, 5, null, 30);
    assertEquals(Duration.ofMinutes(5), old.interval());
    assertEquals(Duration.ofDays(30), old.margin());
  }

  @Test
  void theNewKeysWinOverTheOld() {
    ServiceRenewalSettings both = settings(10, 5, 7, 30);
    assertEquals(Duration.ofMinutes(10), both.interval());
    assertEquals(Duration.ofDays(7), both.margin());
  }
}
