package org.pkiaas.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.pkiaas.config.PkiaasConfig;

/**
 * The AES-256 key that wraps every managed private key. It comes from {@code PKIAAS_MASTER_KEY}
 * (base64; typically an Elytron credential-store expression) or, in the embedded default, from a
 * key file kept apart from the database and created with owner-only permissions. A new key is made
 * only when {@link MasterKeyGuard} found no wrapped key and no key-check value in the database;
 * until the guard has run, {@link #key()} never creates one.
 */
@ApplicationScoped
public class MasterKey {

  private static final Logger LOG = Logger.getLogger(MasterKey.class.getName());
  private static final int KEY_BYTES = 32;

  @Inject PkiaasConfig config;

  private volatile SecretKey key;

  public SecretKey key() {
    return load(false);
  }

  /** Where the key comes from, for messages to the operator. */
  public String source() {
    return config.masterKey().isPresent()
        ? "PKIAAS_MASTER_KEY (pkiaas.master.key)"
        : "the key file " + config.masterKeyFile();
  }

  /**
   * The key, read on first use.
   *
   * @param mayCreate whether a missing key file may be created with a new key: only for a database
   *     that holds nothing wrapped under an earlier key
   */
  synchronized SecretKey load(boolean mayCreate) {
    if (key == null) {
      byte[] material = read(mayCreate);
      key = new SecretKeySpec(material, "AES");
      Arrays.fill(material, (byte) 0);
    }
    return key;
  }

  private byte[] read(boolean mayCreate) {
    if (config.masterKey().isPresent()) {
      return checked(
          Base64.getDecoder().decode(config.masterKey().get().trim()), "PKIAAS_MASTER_KEY");
    }
    Path file = config.masterKeyFile();
    try {
      if (!Files.exists(file) && !moveLegacyFile(file)) {
        if (!mayCreate) {
          throw new IllegalStateException(
              "PKIaaS: the master key file "
                  + file
                  + " does not exist, but the database"
                  + " holds keys wrapped under a master key. Restore the key file from its backup (or set"
                  + " PKIAAS_MASTER_KEY / pkiaas.master.key.file) and start again; a new key would make every CA key unusable.");
        }
        create(file);
      }
      return checked(Base64.getDecoder().decode(Files.readString(file).trim()), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The master key file " + file + " cannot be read or created", e);
    }
  }

  /**
   * Installs before this release kept the key file beside the embedded database, where one backup
   * held both: move it to the configured place once.
   */
  private boolean moveLegacyFile(Path file) throws IOException {
    Path legacy = PkiaasConfig.legacyMasterKeyFile();
    if (legacy == null || legacy.equals(file) || !Files.exists(legacy)) {
      return false;
    }
    Files.createDirectories(file.getParent());
    Files.copy(legacy, file, StandardCopyOption.COPY_ATTRIBUTES);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.delete(legacy);
    LOG.warning(
        () ->
            "PKIaaS: moved the master key from "
                + legacy
                + " (beside the database) to "
                + file
                + ". Back it up separately from the database.");
    return true;
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] fresh = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(fresh);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          file,
          Base64.getEncoder().encodeToString(fresh) + "\n",
          StandardOpenOption.TRUNCATE_EXISTING);
      LOG.warning(
          () ->
              "PKIaaS: created a new master key at "
                  + file
                  + ". Back it up, apart from the database: without it no CA key can be used.");
    } catch (FileAlreadyExistsException raced) {
      LOG.fine("Another node or thread created the master key first");
    } finally {
      Arrays.fill(fresh, (byte) 0);
    }
  }

  private static byte[] checked(byte[] material, String source) {
    if (material.length != KEY_BYTES) {
      int length = material.length;
      Arrays.fill(material, (byte) 0);
      throw new IllegalStateException(
          "The master key from " + source + " must be 32 bytes (base64), not " + length);
    }
    return material;
  }
}
