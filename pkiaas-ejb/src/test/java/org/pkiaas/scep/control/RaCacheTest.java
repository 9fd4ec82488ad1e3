package org.pkiaas.scep.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pkiaas.ca.boundary.CaWithdrawn;
import org.pkiaas.scep.control.RegistrationAuthorities.Ra;

class RaCacheTest {

  private final RaCache cache = new RaCache();
  private final AtomicInteger loads = new AtomicInteger();

  private Ra load() {
    loads.incrementAndGet();
    return new Ra(null, null);
  }

  @Test
  void theSameCredentialIsUnwrappedOnce() {
    Ra first = cache.get("ca-1", "cred-1", this::load);
    assertSame(first, cache.get("ca-1", "cred-1", this::load));
    assertEquals(1, loads.get());
  }

  @Test
  void aNewCredentialReplacesTheOldOne() {
    Ra old = cache.get("ca-1", "cred-1", this::load);
    Ra renewed = cache.get("ca-1", "cred-2", this::load);
    assertEquals(2, loads.get());
    assertSame(renewed, cache.get("ca-1", "cred-2", this::load));
    // the credential read from the database decides: going back to the old one loads it again
    Ra again = cache.get("ca-1", "cred-1", this::load);
    assertEquals(3, loads.get());
    assertEquals(old, again);
  }

  @Test
  void eachCaHasItsOwn() {
    cache.get("ca-1", "cred-1", this::load);
    cache.get("ca-2", "cred-1", this::load);
    assertEquals(2, loads.get());
  }

  @Test
  void aWithdrawnCaLeavesNothingBehind() {
    cache.get("ca-1", "cred-1", this::load);
    cache.onWithdrawn(new CaWithdrawn("ca-1"));
    cache.get("ca-1", "cred-1", this::load);
    assertEquals(2, loads.get());
  }
}
