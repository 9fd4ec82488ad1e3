package org.pkiaas.mail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutgoingMailTest {

  private static Instant nextAttempt(OutgoingMail mail) throws Exception {
    Field field = OutgoingMail.class.getDeclaredField("nextAttemptAt");
    field.setAccessible(true);
    return (Instant) field.get(mail);
  }

  @Test
  void failuresBackOffFromThirtySecondsToAnHourAndNeverGiveUp() throws Exception {
    OutgoingMail mail = new OutgoingMail("a@example.test", "subject", "body");
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    long[] expected = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600};
    for (long seconds : expected) {
      mail.failed("connection refused", now);
      assertEquals(now.plusSeconds(seconds), nextAttempt(mail));
    }
    for (int i = 0; i < 100; i++) {
      mail.failed(null, now);
    }
    assertEquals(now.plusSeconds(3600), nextAttempt(mail));
    assertEquals("unknown error", mail.lastError());
    mail.sent(now);
    assertNull(mail.lastError());
    assertEquals(now, mail.sentAt());
  }

  @Test
  void longErrorsAreCut() {
    OutgoingMail mail = new OutgoingMail("a@example.test", "subject", "body");
    mail.failed("x".repeat(5000), Instant.now());
    assertEquals(1000, mail.lastError().length());
  }
}
