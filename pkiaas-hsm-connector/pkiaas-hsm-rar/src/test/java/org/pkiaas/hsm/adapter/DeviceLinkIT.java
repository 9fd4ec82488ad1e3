package org.pkiaas.hsm.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pkiaas.hsm.HsmException;
import org.pkiaas.hsm.HsmUnavailableException;
import org.pkiaas.hsm.link.KeyId;
import org.pkiaas.hsm.link.LinkIdentity;
import org.pkiaas.hsm.link.SignatureScheme;

/**
 * The server's link against real agent processes, SoftHSM2 and the MQTT broker: a P-256 root
 * provisioned on the token signs through the link; a stopped or killed agent makes requests fail
 * within the timeout, a restarted one resumes, and with two agents on one key one can leave
 * mid-load without a failed request.
 */
class DeviceLinkIT {

  private static final String BROKER = System.getProperty("it.mqtt.broker", "tcp://127.0.0.1:1883");
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  // The load tests check that every request succeeds, not latency: a shared build machine can be
  // slow enough to miss the production timeout.
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(20);
  private static final SignatureScheme SCHEME = SignatureScheme.SHA256_WITH_ECDSA;

  @TempDir static Path work;
  private static AgentProcesses agents;
  private static PublicKey rootKey;
  private static Path stateA;
  private static Path stateB;
  private static DeviceLink link;
  private final List<Process> running = new ArrayList<>();

  @BeforeAll
  static void provisionRootAndConnect() throws Exception {
    agents = new AgentProcesses(work);
    agents.initToken("link-it");
    LinkIdentity server = LinkPki.serverIdentity();
    X509Certificate template = LinkPki.template("CN=Link IT Root, O=PKIaaS");
    stateA = work.resolve("state-a");
    stateB = work.resolve("state-b");
    X509Certificate rootCertificate =
        agents.provisionRoot("root", "p-256", template, server.certificate(), stateA);
    Files.createDirectories(stateB);
    Files.copy(stateA.resolve("server-link.pem"), stateB.resolve("server-link.pem"));
    assertEquals(template.getSubjectX500Principal(), rootCertificate.getSubjectX500Principal());
    rootCertificate.verify(rootCertificate.getPublicKey());
    rootKey = rootCertificate.getPublicKey();
    link = new DeviceLink(BROKER, null, null, server, Duration.ofSeconds(3));
    link.start();
  }

  @AfterAll
  static void disconnect() {
    if (link != null) {
      link.stop();
    }
  }

  @AfterEach
  void stopAgents() throws InterruptedException {
    for (Process process : running) {
      process.destroyForcibly().waitFor();
    }
  }

  private Process start(Path state) throws Exception {
    Process process = agents.startLink("root", state, BROKER);
    running.add(process);
    return process;
  }

  private static void awaitOnline(boolean online) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (link.isOnline(KeyId.of(rootKey)) != online) {
      assertTrue(
          System.nanoTime() < deadline, "link never became " + (online ? "online" : "offline"));
      Thread.sleep(50);
    }
  }

  /** Signs through the link and verifies against the root's public key. */
  private static void signAndVerify(int n) throws Exception {
    signAndVerify(n, TIMEOUT);
  }

  private static void signAndVerify(int n, Duration timeout) throws Exception {
    byte[] data = ("tbs " + n).getBytes();
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
    byte[] signature = link.sign(rootKey, SCHEME, digest, timeout);
    Signature verifier = Signature.getInstance(SCHEME.jcaName());
    verifier.initVerify(rootKey);
    verifier.update(data);
    assertTrue(verifier.verify(signature), "signature " + n + " does not verify");
  }

  private static List<Future<?>> load(ExecutorService pool, int count) {
    List<Future<?>> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      results.add(
          pool.submit(
              () -> {
                signAndVerify(n);
                return null;
              }));
    }
    return results;
  }

  @Test
  void provisionedRootSignsThroughTheLinkUnderConcurrentLoad() throws Exception {
    start(stateA);
    awaitOnline(true);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<?> result : load(pool, 64)) {
        result.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stoppedAgentFailsFastAndRestartedAgentResumes() throws Exception {
    Process agent = start(stateA);
    awaitOnline(true);
    signAndVerify(1);
    agent.destroy();
    agent.waitFor();
    long started = System.nanoTime();
    assertThrows(HsmUnavailableException.class, () -> signAndVerify(2));
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(1)) < 0);

    start(stateA);
    awaitOnline(true);
    signAndVerify(3);
  }

  @Test
  void killedAgentMidLoadFailsEachRequestWithinTheTimeout() throws Exception {
    Process agent = start(stateA);
    awaitOnline(true);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger failed = new AtomicInteger();
    AtomicBoolean slow = new AtomicBoolean();
    AtomicBoolean go = new AtomicBoolean(true);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        workers.add(
            pool.submit(
                () -> {
                  while (go.get()) {
                    long started = System.nanoTime();
                    try {
                      signAndVerify(t());
                    } catch (HsmException e) {
                      failed.incrementAndGet();
                      if (Duration.ofNanos(System.nanoTime() - started)
                              .compareTo(TIMEOUT.plusSeconds(1))
                          > 0) {
                        slow.set(true);
                      }
                    }
                  }
                  return null;
                }));
      }
      Thread.sleep(1_000);
      agent.destroyForcibly().waitFor();
      Thread.sleep(TIMEOUT.toMillis() + 2_000);
      go.set(false);
      for (Future<?> worker : workers) {
        worker.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(failed.get() > 0, "requests kept succeeding without an agent");
    assertTrue(!slow.get(), "a request waited longer than the timeout");
  }

  private static int t() {
    return (int) (System.nanoTime() & 0xffff);
  }

  @Test
  void twoAgentsOnOneKeyLoseNoRequestWhenOneLeaves() throws Exception {
    Process first = start(stateA);
    start(stateB);
    awaitOnline(true);
    Thread.sleep(1_500); // both announced
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> results = load(pool, 48);
      Thread.sleep(300);
      first.destroy();
      results.addAll(load(pool, 48));
      for (Future<?> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
      first.waitFor();
    } finally {
      pool.shutdownNow();
    }
    signAndVerify(-1);
  }
}
