package org.pkiaas.hsm.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentOptionsTest {

  @TempDir Path dir;

  @Test
  void pinOnTheCommandLineIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AgentOptions(new String[] {"run", "--pin", "1234"}, 1, Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AgentOptions(new String[] {"run", "--broker-password", "x"}, 1, Map.of()));
  }

  @Test
  void pinComesFromItsFileBeforeTheEnvironment() throws Exception {
    Path file = dir.resolve("pin");
    Files.writeString(file, "1111\n");
    AgentOptions fromFile =
        new AgentOptions(
            new String[] {"run", "--pin-file", file.toString()}, 1, Map.of("IOT_HSM_PIN", "2222"));
    assertArrayEquals("1111".toCharArray(), fromFile.secret("pin-file", "IOT_HSM_PIN"));
    AgentOptions fromEnvironment =
        new AgentOptions(new String[] {"run"}, 1, Map.of("IOT_HSM_PIN", "2222"));
    assertArrayEquals("2222".toCharArray(), fromEnvironment.secret("pin-file", "IOT_HSM_PIN"));
    AgentOptions neither = new AgentOptions(new String[] {"run"}, 1, Map.of());
    assertThrows(IllegalArgumentException.class, () -> neither.secret("pin-file", "IOT_HSM_PIN"));
  }
}
