package org.pkiaas.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A three-node MariaDB Galera cluster on this machine (Debian's {@code mariadb-server} and {@code
 * galera-4}): three {@code mariadbd} processes on 127.0.0.1, each with its data directory, its SQL
 * port and its Galera ports (group communication, incremental and full state transfer). The
 * machine's shared MariaDB is never touched.
 *
 * <p>The first node's data directory is made once and copied to the other two after a clean
 * shutdown, so the joiners start from the same state and need only the incremental transfer. {@code
 * wsrep_sync_wait=1} makes every read wait until the node has applied what the cluster committed
 * before it: a client that writes through one node and reads through another sees its write (the
 * setting the operator guide recommends).
 */
final class GaleraCluster implements AutoCloseable {

  private static final String PROVIDER = "/usr/lib/galera/libgalera_smm.so";

  private final Path dir;
  private final List<Integer> ports;
  private final int wsrepBase;
  private final String user;
  private final Process[] servers;

  /**
   * @param ports the SQL port of each node
   * @param wsrepBase node {@code i} (from 0) takes {@code wsrepBase + 10 i} for group
   *     communication, the next port for incremental and the one after for full state transfer
   */
  GaleraCluster(Path dir, List<Integer> ports, int wsrepBase) {
    this.dir = dir;
    this.ports = List.copyOf(ports);
    this.wsrepBase = wsrepBase;
    this.servers = new Process[ports.size()];
    // mariadbd refuses to run as root without being told; the state transfer's rsync daemon run as
    // root would write as nobody. The Debian package's own user avoids both.
    this.user = "root".equals(System.getProperty("user.name")) ? "mysql" : null;
  }

  /** Lays out the data directories and starts the cluster; returns once every node is synced. */
  GaleraCluster start() throws Exception {
    Files.createDirectories(dir.getParent());
    Tools.ok(dir.getParent(), "rm", "-rf", dir.toString());
    Files.createDirectories(node(0));
    own(dir);
    Tools.ok(
        dir,
        "mariadb-install-db",
        "--no-defaults",
        "--datadir=" + node(0).resolve("data"),
        "--user=" + runAs(),
        "--auth-root-authentication-method=normal",
        "--skip-test-db");
    // A first, lone start gives the data directory its Galera state; copies of it then join by
    // incremental transfer.
    servers[0] = launch(0, true);
    awaitSynced(0);
    sql(0, "SHUTDOWN");
    servers[0].waitFor(60, TimeUnit.SECONDS);
    for (int i = 1; i < ports.size(); i++) {
      Tools.ok(dir, "cp", "-a", node(0).toString(), node(i).toString());
      Files.deleteIfExists(node(i).resolve("mariadbd.log"));
    }
    servers[0] = launch(0, true);
    awaitSynced(0);
    for (int i = 1; i < ports.size(); i++) {
      servers[i] = launch(i, false);
    }
    for (int i = 1; i < ports.size(); i++) {
      awaitSynced(i);
    }
    String size =
        query(
            0,
            "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'WSREP_CLUSTER_SIZE'");
    if (!size.equals(Integer.toString(ports.size()))) {
      throw new IllegalStateException("The Galera cluster has " + size + " nodes");
    }
    return this;
  }

  int port(int node) {
    return ports.get(node);
  }

  /** Runs statements as root on one node, through its socket. */
  void sql(int node, String statements) {
    Tools.ok(dir, client(node, "-e", statements));
  }

  /** One query's rows, tab-separated, without column names. */
  String query(int node, String query) {
    return Tools.ok(dir, client(node, "-N", "-B", "-e", query)).strip();
  }

  private String[] client(int node, String... arguments) {
    List<String> command =
        new ArrayList<>(List.of("mariadb", "--no-defaults", "--socket=" + socket(node), "-uroot"));
    command.addAll(Arrays.asList(arguments));
    return command.toArray(String[]::new);
  }

  private Process launch(int i, boolean bootstrap) throws IOException {
    int group = wsrepBase + 10 * i;
    StringBuilder members = new StringBuilder();
    for (int j = 0; j < ports.size(); j++) {
      members.append(j == 0 ? "" : ",").append("127.0.0.1:").append(wsrepBase + 10 * j);
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                "/usr/sbin/mariadbd",
                "--no-defaults",
                "--datadir=" + node(i).resolve("data"),
                "--port=" + ports.get(i),
                "--bind-address=127.0.0.1",
                "--socket=" + socket(i),
                "--pid-file=" + node(i).resolve("mariadbd.pid"),
                "--user=" + runAs(),
                "--skip-name-resolve",
                "--innodb-buffer-pool-size=64M",
                "--log-error=" + node(i).resolve("mariadbd.log"),
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_bin",
                // what Galera requires of every node
                "--binlog-format=ROW",
                "--default-storage-engine=InnoDB",
                "--innodb-autoinc-lock-mode=2",
                "--wsrep-on=ON",
                "--wsrep-provider=" + PROVIDER,
                "--wsrep-cluster-name=pkiaas-it",
                "--wsrep-cluster-address=gcomm://" + members,
                "--wsrep-node-name=galera" + (i + 1),
                "--wsrep-node-address=127.0.0.1:" + group,
                "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:"
                    + group
                    + ";ist.recv_addr=127.0.0.1:"
                    + (group + 1)
                    + ";gcache.size=64M",
                "--wsrep-sst-method=rsync",
                "--wsrep-sst-receive-address=127.0.0.1:" + (group + 2),
                "--wsrep-sync-wait=1"));
    if (bootstrap) {
      command.add("--wsrep-new-cluster");
    }
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(node(i).resolve("stdout.log").toFile()))
        .start();
  }

  private void awaitSynced(int i) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      if (!servers[i].isAlive()) {
        throw new IllegalStateException(
            "Galera node " + (i + 1) + " exited: " + tail(node(i).resolve("mariadbd.log")));
      }
      Tools.Run ready =
          Tools.run(dir, client(i, "-N", "-B", "-e", "SHOW STATUS LIKE 'wsrep_ready'"));
      if (ready.exitCode() == 0 && ready.output().contains("ON")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "Galera node " + (i + 1) + " did not sync: " + tail(node(i).resolve("mariadbd.log")));
  }

  private String runAs() {
    return user == null ? System.getProperty("user.name") : user;
  }

  private void own(Path path) {
    if (user != null) {
      Tools.ok(dir.getParent(), "chown", "-R", user + ":", path.toString());
    }
  }

  private Path node(int i) {
    return dir.resolve("galera" + (i + 1));
  }

  private Path socket(int i) {
    return node(i).resolve("mariadbd.sock");
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  /** Stops every node; the last one to stop is the one that may bootstrap the cluster again. */
  @Override
  public void close() throws Exception {
    for (int i = servers.length - 1; i >= 0; i--) {
      Process server = servers[i];
      if (server != null && server.isAlive()) {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
          server.destroyForcibly();
          server.waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }
}
