package org.pkiaas.scep.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScepSettingsTest {

  private static Optional<Duration> skew(long minutes) {
    ScepSettings settings = new ScepSettings();
    settings.clockSkewMinutes = minutes;
    return settings.clockSkew();
  }

  @Test
  void zeroOrLessTurnsTheCheckOffAndHugeFiguresAreCapped() {
    assertEquals(Optional.of(Duration.ofDays(1)), skew(1440));
    assertEquals(Optional.empty(), skew(0));
    assertEquals(Optional.empty(), skew(-5));
    assertEquals(
        Optional.of(Duration.ofMinutes(ScepSettings.MAX_CLOCK_SKEW_MINUTES)), skew(Long.MAX_VALUE));
  }
}
