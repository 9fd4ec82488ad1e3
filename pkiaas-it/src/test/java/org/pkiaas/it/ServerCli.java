package org.pkiaas.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test server's own {@code jboss-cli.sh}, connected to its management port (local
 * authentication, as an operator on the machine would be): for the few tests that change the
 * server's configuration while it runs.
 */
final class ServerCli {

  private final Path home;
  private final int managementPort;

  ServerCli(String database) {
    this.home = Path.of(System.getProperty("pkiaas.it.servers", "target/servers"), database);
    this.managementPort = Integer.getInteger("pkiaas.it.management-port", 10090);
  }

  Path serverLog() {
    return home.resolve("standalone/log/server.log");
  }

  /**
   * Removes the resources (management addresses, e.g. a listener and its socket binding) letting
   * their services stop in place: a plain removal would leave the shared test server {@code
   * reload-required} for every class after the caller. Returns the server's state after it, for the
   * caller to check it is {@code "running"}.
   */
  String removeInPlace(String... addresses) throws Exception {
    String[] removals = new String[addresses.length];
    for (int i = 0; i < addresses.length; i++) {
      removals[i] = addresses[i] + ":remove{allow-resource-service-restart=true}";
    }
    run(removals);
    return run(":read-attribute(name=server-state)");
  }

  /**
   * Runs the commands, one a line, from a script file (values may hold commas); returns the output.
   */
  String run(String... commands) throws Exception {
    Path script = Files.createTempFile("pkiaas-it-", ".cli");
    Files.write(script, List.of(commands));
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/jboss-cli.sh").toString(),
                "--connect",
                "--controller=remote+http://127.0.0.1:" + managementPort,
                "--timeout=120000",
                "--file=" + script)
            .redirectErrorStream(true);
    builder.environment().put("JAVA_OPTS", "-Xmx256m"); // not the server's options
    Process cli = builder.start();
    cli.getOutputStream().close();
    String output = new String(cli.getInputStream().readAllBytes());
    if (!cli.waitFor(5, TimeUnit.MINUTES) || cli.exitValue() != 0) {
      throw new IllegalStateException("jboss-cli " + List.of(commands) + " failed: " + output);
    }
    Files.delete(script);
    return output;
  }
}
