package org.pkiaas.tenant.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the generated administrator password is handed to the operator: a file only the server's
 * own user may read, never the server log or the console. {@code bin/pkiaas-start} prints its path;
 * the first sign-in must change the password, after which the file is deleted.
 */
public final class InitialPasswordFile {

  public static final String NAME = "initial-admin-password";

  private InitialPasswordFile() {}

  /** The file in the server's data directory ({@code jboss.server.data.dir}/pkiaas). */
  public static Path location() {
    return Path.of(System.getProperty("jboss.server.data.dir", "."), "pkiaas", NAME);
  }

  /**
   * Writes the password to a new file created with mode 0600 (never widened, not even for a
   * moment).
   */
  public static void write(Path file, String username, String password) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      var ownerOnly =
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
      Files.createFile(file, ownerOnly);
      Files.writeString(
          file,
          "username=" + username + "\npassword=" + password + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(
          "Another process created " + file + " while it was written", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write the administrator's generated password to " + file, e);
    }
  }

  /** Deletes the file once the password it holds is no longer valid. */
  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Harmless: the password in it no longer works.
    }
  }
}
