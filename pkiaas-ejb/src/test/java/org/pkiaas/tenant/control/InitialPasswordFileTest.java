package org.pkiaas.tenant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialPasswordFileTest {

  @TempDir Path dir;

  @Test
  void onlyTheOwnerMayReadTheFile() throws Exception {
    Path file = dir.resolve("pkiaas").resolve(InitialPasswordFile.NAME);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "an old world-readable file");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    InitialPasswordFile.write(file, "admin", "s3cret-generated");

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("username=admin\npassword=s3cret-generated\n", Files.readString(file));
    InitialPasswordFile.delete(file);
    assertFalse(Files.exists(file));
  }
}
