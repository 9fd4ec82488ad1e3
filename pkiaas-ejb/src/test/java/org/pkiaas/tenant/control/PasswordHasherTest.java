package org.pkiaas.tenant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static String stored;

  @BeforeAll
  static void hashOnce() {
    stored = PasswordHasher.hash(PASSWORD);
  }

  @Test
  void storedFormNamesSchemeAndCost() {
    assertTrue(
        stored.matches("pbkdf2-sha512\\$210000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{86}"), stored);
    String[] parts = stored.split("\\$");
    assertEquals(16, Base64.getDecoder().decode(parts[2]).length, "a 16-byte salt");
    assertEquals(64, Base64.getDecoder().decode(parts[3]).length, "a 512-bit hash");
    assertFalse(stored.contains(PASSWORD));
  }

  @Test
  void rightPasswordVerifies() {
    assertTrue(PasswordHasher.verify(PASSWORD, stored));
  }

  @Test
  void wrongPasswordDoesNotVerify() {
    assertFalse(PasswordHasher.verify("correct horse battery stapler", stored));
    assertFalse(PasswordHasher.verify("", stored));
    assertFalse(PasswordHasher.verify(PASSWORD.toUpperCase(), stored));
  }

  @Test
  void samePasswordGetsAFreshSalt() {
    String again = PasswordHasher.hash(PASSWORD);
    assertNotEquals(stored, again);
    assertNotEquals(stored.split("\\$")[2], again.split("\\$")[2]);
    assertTrue(PasswordHasher.verify(PASSWORD, again));
  }

  @Test
  void missingHashNeverVerifies() {
    assertFalse(PasswordHasher.verify(PASSWORD, null));
    assertFalse(
        PasswordHasher.verify("not-a-password", null),
        "the dummy hash's own password must not open it");
  }

  @Test
  void otherSchemesDoNotVerify() {
    assertFalse(PasswordHasher.verify(PASSWORD, stored.replace("pbkdf2-sha512", "pbkdf2-sha256")));
    assertFalse(
        PasswordHasher.verify(
            PASSWORD, "$2a$12$abcdefghijklmnopqrstuu5Tq9zxYQy1O2zk7u4a7eKk3b0lT3b9W"));
    assertFalse(PasswordHasher.verify(PASSWORD, stored + "$extra"));
  }

  @Test
  void hashOfAnOlderCostStillVerifies() throws Exception {
    byte[] salt = "sixteen byte salt".substring(0, 16).getBytes();
    byte[] derived =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
            .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 1000, 512))
            .getEncoded();
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    String old =
        "pbkdf2-sha512$1000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);

    assertTrue(PasswordHasher.verify(PASSWORD, old));
    assertFalse(PasswordHasher.verify(PASSWORD, old.replace("$1000$", "$1001$")));
  }

  @Test
  void sha256HexMatchesTheFips180Example() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        PasswordHasher.sha256Hex("abc"));
    assertEquals(64, PasswordHasher.sha256Hex("pkiaas_token").length());
  }
}
