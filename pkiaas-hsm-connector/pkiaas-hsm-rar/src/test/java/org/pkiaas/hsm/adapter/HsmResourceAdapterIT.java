package org.pkiaas.hsm.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pkiaas.hsm.HsmConnection;
import org.pkiaas.hsm.HsmConnectionFactory;
import org.pkiaas.hsm.HsmUnavailableException;
import org.pkiaas.hsm.link.LinkIdentity;

/**
 * The resource adapter as the container drives it: configured with a broker and a link identity
 * file, started, and used through a connection; a real agent process signs on SoftHSM2.
 */
class HsmResourceAdapterIT {

  static final String PASSWORD = "link-secret";
  private static final String BROKER = System.getProperty("it.mqtt.broker", "tcp://127.0.0.1:1883");

  @TempDir Path work;

  @Test
  void connectionSignsOnTheTokenAndReportsTheLinkState() throws Exception {
    AgentProcesses agents = new AgentProcesses(work);
    agents.initToken("adapter-it");
    LinkIdentity server = LinkPki.serverIdentity();
    Path state = work.resolve("state");
    PublicKey caKey =
        agents
            .provisionRoot(
                "root",
                "p-384",
                LinkPki.template("CN=Adapter IT Root"),
                server.certificate(),
                state)
            .getPublicKey();

    HsmResourceAdapter adapter = new HsmResourceAdapter();
    adapter.setBrokerUrl(BROKER);
    adapter.setLinkIdentityFile(writePkcs12(server, work).toString());
    adapter.setLinkIdentityPasswordFile(
        Files.writeString(work.resolve("p12-pass"), PASSWORD + "\n").toString());
    adapter.setRequestTimeoutMillis(5_000L);
    adapter.setAgentStaleAfterMillis(3_000L);
    adapter.start(null);
    HsmManagedConnectionFactory factory = new HsmManagedConnectionFactory();
    factory.setResourceAdapter(adapter);
    HsmConnectionFactory connections = (HsmConnectionFactory) factory.createConnectionFactory();
    Process agent = null;
    try (HsmConnection connection = connections.getConnection()) {
      assertFalse(connection.linkState(caKey).online());
      assertArrayEquals(server.certificate().getEncoded(), connection.linkCertificate());
      agent = agents.startLink("root", state, BROKER);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!connection.linkState(caKey).online()) {
        assertTrue(System.nanoTime() < deadline, "agent never came online");
        Thread.sleep(50);
      }
      assertNotNull(connection.linkState(caKey).lastSeen());

      byte[] tbs = "tbsCertList with many entries".getBytes();
      byte[] signature = connection.sign(caKey, "SHA384withECDSA", tbs);
      Signature verifier = Signature.getInstance("SHA384withECDSA");
      verifier.initVerify(caKey);
      verifier.update(tbs);
      assertTrue(verifier.verify(signature));

      agent.destroy();
      agent.waitFor();
      while (connection.linkState(caKey).online()) {
        assertTrue(System.nanoTime() < deadline, "agent never went offline");
        Thread.sleep(50);
      }
      assertNotNull(connection.linkState(caKey).lastSeen());
      assertThrows(
          HsmUnavailableException.class, () -> connection.sign(caKey, "SHA384withECDSA", tbs));
    } finally {
      if (agent != null) {
        agent.destroyForcibly().waitFor();
      }
      adapter.stop();
    }
  }

  static Path writePkcs12(LinkIdentity identity, Path work) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "link",
        identity.privateKey(),
        PASSWORD.toCharArray(),
        new Certificate[] {identity.certificate()});
    Path file = work.resolve("link.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, PASSWORD.toCharArray());
    }
    return file;
  }
}
