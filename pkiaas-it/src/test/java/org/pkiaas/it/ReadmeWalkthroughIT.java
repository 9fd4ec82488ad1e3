package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's API walkthrough, run as written: its {@code ```sh walkthrough} blocks, in order, as
 * one bash session against the test server, which must finish without error and print, in order,
 * what each {@code # prints:} comment says. Editing the README's commands is editing this test.
 */
class ReadmeWalkthroughIT extends ServerIT {

  private static final Path README =
      Path.of(System.getProperty("pkiaas.it.root", "..")).resolve("README.md");
  private static final Pattern BLOCK =
      Pattern.compile("^```sh walkthrough\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern PRINTS = Pattern.compile("^# prints: (.*)$", Pattern.MULTILINE);

  @TempDir Path dir;

  @Test
  void theApiWalkthroughRunsAsWritten() throws Exception {
    List<String> blocks = walkthroughBlocks(Files.readString(README, StandardCharsets.UTF_8));
    assertTrue(
        blocks.size() >= 5, "the README's walkthrough blocks were not found: " + blocks.size());
    String script = "set -euo pipefail\n" + String.join("\n", blocks);
    Files.writeString(dir.resolve("walkthrough.sh"), script, StandardCharsets.UTF_8);

    Tools.Run run =
        Tools.run(
            dir,
            Map.of(
                // as the README says: the API over HTTPS trusting the installation CA, the
                // status services over plain HTTP
                "PKIAAS",
                "https://localhost:" + (8443 + Integer.getInteger("pkiaas.it.port-offset", 100)),
                "PKI",
                Api.BASE_URL,
                "CURL_CA_BUNDLE",
                InstallationCa.ofTestServers().toString(),
                "PASSWORD",
                System.getProperty("pkiaas.it.admin-password", "it-admin-password-1")),
            "bash",
            "walkthrough.sh");

    assertEquals(
        0, run.exitCode(), "the walkthrough stopped with an error; it printed:\n" + run.output());
    int from = 0;
    Matcher expected = PRINTS.matcher(script);
    while (expected.find()) {
      int at = run.output().indexOf(expected.group(1).strip(), from);
      assertTrue(
          at >= 0,
          "after what it printed before, the walkthrough should print '"
              + expected.group(1)
              + "'; it printed:\n"
              + run.output());
      from = at + expected.group(1).strip().length();
    }
    assertTrue(from > 0, "the walkthrough has no '# prints:' lines");
  }

  static List<String> walkthroughBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher block = BLOCK.matcher(markdown);
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }
}
