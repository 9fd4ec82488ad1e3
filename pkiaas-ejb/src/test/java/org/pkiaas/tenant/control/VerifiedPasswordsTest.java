package org.pkiaas.tenant.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {

  private final VerifiedPasswords verified = new VerifiedPasswords();

  @Test
  void aPairIsRememberedAgainstTheHashItVerifiedWith() {
    verified.remember("alice", "right", "hash-1");
    assertTrue(verified.remembers("alice", "right"));
    assertTrue(verified.contains("alice", "right", "hash-1"));
    assertFalse(verified.contains("alice", "right", "hash-2"), "a changed password misses");
    assertFalse(verified.remembers("alice", "wrong"));
    assertFalse(verified.remembers("bob", "right"));
    assertFalse(verified.contains("alice", "wrong", "hash-1"));
  }

  @Test
  void usernameAndPasswordCannotBeShiftedIntoEachOther() {
    verified.remember("al", "ice\u0000x", "hash");
    assertFalse(verified.remembers("al\u0000ice", "x"));
    assertFalse(verified.remembers("alice", "x"));
  }
}
