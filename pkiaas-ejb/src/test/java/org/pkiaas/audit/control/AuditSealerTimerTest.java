package org.pkiaas.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditSealerTimerTest {

  /** Counts the runs the timer starts instead of sealing. */
  private static final class CountingSealer extends AuditSealer {
    int runs;

    @Override
    public long sealAll() {
      runs++;
      return 0;
    }
  }

  @Test
  void theTimerSealsWhenEnabled() {
    CountingSealer sealer = new CountingSealer();
    sealer.timerEnabled = true;
    sealer.sealPending();
    assertEquals(1, sealer.runs);
  }

  @Test
  void theTimerDoesNothingWhenDisabled() {
    CountingSealer sealer = new CountingSealer();
    sealer.timerEnabled = false;
    sealer.sealPending();
    assertEquals(0, sealer.runs, "pkiaas.audit.sealing.timer.enabled=false seals nothing");
  }
}
