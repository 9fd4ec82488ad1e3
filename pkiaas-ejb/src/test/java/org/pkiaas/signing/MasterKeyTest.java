package org.pkiaas.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.config.PkiaasConfigs;

class MasterKeyTest {

  @TempDir Path dir;

  @Test
  void newKeyFileIsCreatedOwnerOnly() throws Exception {
    Path file = dir.resolve("data").resolve("pkiaas").resolve("master.key");

    SecretKey key = masterKey(PkiaasConfigs.withMasterKeyFile(file)).load(true);

    assertTrue(Files.isRegularFile(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("AES", key.getAlgorithm());
    assertEquals(32, key.getEncoded().length);
    assertArrayEquals(key.getEncoded(), Base64.getDecoder().decode(Files.readString(file).trim()));
  }

  @Test
  void existingKeyFileIsReusedOnTheNextLoad() throws Exception {
    Path file = dir.resolve("master.key");
    byte[] first = masterKey(PkiaasConfigs.withMasterKeyFile(file)).load(true).getEncoded();
    String stored = Files.readString(file);

    byte[] second = masterKey(PkiaasConfigs.withMasterKeyFile(file)).key().getEncoded();

    assertArrayEquals(first, second);
    assertEquals(stored, Files.readString(file), "the key file must not be rewritten");
  }

  @Test
  void separateInstallationsGetDifferentKeys() {
    byte[] one =
        masterKey(PkiaasConfigs.withMasterKeyFile(dir.resolve("a.key"))).load(true).getEncoded();
    byte[] two =
        masterKey(PkiaasConfigs.withMasterKeyFile(dir.resolve("b.key"))).load(true).getEncoded();
    assertFalse(Arrays.equals(one, two));
  }

  @Test
  void keyIsLoadedOnce() {
    MasterKey masterKey = masterKey(PkiaasConfigs.withMasterKeyFile(dir.resolve("master.key")));
    assertSame(masterKey.load(true), masterKey.key(), "a later key() neither reloads nor creates");
  }

  @Test
  void suppliedKeyIsUsedAndNoFileIsWritten() {
    byte[] material = new byte[32];
    Arrays.fill(material, (byte) 7);
    Path file = dir.resolve("master.key");

    SecretKey key =
        masterKey(
                PkiaasConfigs.withMasterKey(
                    " " + Base64.getEncoder().encodeToString(material) + "\n", file))
            .key();

    assertArrayEquals(material, key.getEncoded());
    assertFalse(Files.exists(file));
  }

  @Test
  void suppliedKeyOfTheWrongLengthIsRefused() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    MasterKey masterKey =
        masterKey(PkiaasConfigs.withMasterKey(shortKey, dir.resolve("master.key")));
    IllegalStateException e = assertThrows(IllegalStateException.class, masterKey::key);
    assertTrue(e.getMessage().contains("PKIAAS_MASTER_KEY"), e.getMessage());
    assertTrue(e.getMessage().contains("16"), e.getMessage());
    assertFalse(e.getMessage().contains(shortKey), "the key itself must not be echoed");
  }

  @Test
  void keyFileOfTheWrongLengthIsRefused() throws Exception {
    Path file = dir.resolve("master.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(new byte[31]) + "\n");
    MasterKey masterKey = masterKey(PkiaasConfigs.withMasterKeyFile(file));
    IllegalStateException e = assertThrows(IllegalStateException.class, masterKey::key);
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void noNewKeyIsMadeUnlessTheGuardAllowsIt() {
    Path file = dir.resolve("keys").resolve("master.key");
    MasterKey masterKey = masterKey(PkiaasConfigs.withMasterKeyFile(file));

    IllegalStateException e = assertThrows(IllegalStateException.class, masterKey::key);

    assertFalse(
        Files.exists(file), "a database with wrapped keys must never get a fresh master key");
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("Restore"),
        e.getMessage());
  }

  @Test
  void aKeyFileBesideTheDatabaseIsMovedToItsOwnPlace() throws Exception {
    Path data = dir.resolve("data");
    Path legacy = data.resolve("pkiaas").resolve("master.key");
    Files.createDirectories(legacy.getParent());
    byte[] material = new byte[32];
    Arrays.fill(material, (byte) 9);
    Files.writeString(legacy, Base64.getEncoder().encodeToString(material) + "\n");
    Path file = dir.resolve("configuration").resolve("pkiaas").resolve("master.key");
    String before = System.getProperty("jboss.server.data.dir");
    System.setProperty("jboss.server.data.dir", data.toString());
    try {
      SecretKey key = masterKey(PkiaasConfigs.withMasterKeyFile(file)).key();

      assertArrayEquals(material, key.getEncoded(), "the existing key, not a new one");
      assertFalse(Files.exists(legacy), "no copy stays beside the database");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    } finally {
      if (before == null) {
        System.clearProperty("jboss.server.data.dir");
      } else {
        System.setProperty("jboss.server.data.dir", before);
      }
    }
  }

  private static MasterKey masterKey(PkiaasConfig config) {
    MasterKey masterKey = new MasterKey();
    masterKey.config = config;
    return masterKey;
  }
}
