package org.pkiaas.hsm.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.pkiaas.hsm.link.KeyId;

/**
 * The agent's command line. Commands:
 *
 * <pre>
 * slots     --library LIB
 * keys      --library LIB --slot ID [--pin-file F]
 * generate  --library LIB --slot ID --alias A --type rsa-2048|rsa-3072|rsa-4096|p-256|p-384
 * import    --library LIB --slot ID --alias A --pkcs12 FILE [--pkcs12-password-file F]
 * provision --library LIB --slot ID --alias A --provisioning-certificate FILE
 *           --mode self-signed|csr --out FILE --state-dir DIR
 * import-certificate --library LIB --slot ID --alias A --certificate FILE
 * run       --library LIB --slot ID --alias A --broker URL --state-dir DIR
 *           [--broker-user U --broker-password-file F] [--heartbeat-seconds 2] [--workers CORES]
 * </pre>
 *
 * <p>The user PIN comes from {@code --pin-file} or {@code IOT_HSM_PIN}; other secrets likewise from
 * a file or the environment, never from the command line.
 */
public final class IotHsmAgent {

  private final PrintStream out;
  private final Map<String, String> environment;

  IotHsmAgent(PrintStream out, Map<String, String> environment) {
    this.out = out;
    this.environment = environment;
  }

  /**
   * @param args a command and its options
   */
  public static void main(String[] args) {
    try {
      new IotHsmAgent(System.out, System.getenv()).execute(args);
    } catch (IllegalArgumentException e) {
      System.err.println("iot-hsm-agent: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("iot-hsm-agent: " + e.getMessage());
      System.exit(1);
    }
  }

  void execute(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException(
          "Give a command: slots, keys, generate, import, provision, import-certificate, run");
    }
    AgentOptions options = new AgentOptions(args, 1, environment);
    switch (args[0]) {
      case "slots" -> slots(options);
      case "keys" -> withToken(options, token -> token.aliases().forEach(out::println));
      case "generate" -> withToken(options, token -> generate(token, options));
      case "import" -> withToken(options, token -> importKey(token, options));
      case "provision" -> withToken(options, token -> provision(token, options));
      case "import-certificate" -> withToken(options, token -> importCertificate(token, options));
      case "run" -> withToken(options, token -> run(token, options));
      default -> throw new IllegalArgumentException("Unknown command " + args[0]);
    }
  }

  private void slots(AgentOptions options) throws ReflectiveOperationException {
    for (TokenSlots.Slot slot : TokenSlots.list(options.required("library"))) {
      out.printf(
          "slot %d: label=%s manufacturer=%s model=%s serial=%s%n",
          slot.id(), slot.label(), slot.manufacturer(), slot.model(), slot.serial());
    }
  }

  private interface TokenWork {
    void on(Token token) throws Exception;
  }

  private void withToken(AgentOptions options, TokenWork work) throws Exception {
    char[] pin = options.secret("pin-file", "IOT_HSM_PIN");
    try (Token token =
        Token.open(options.required("library"), Long.parseLong(options.required("slot")), pin)) {
      work.on(token);
    }
  }

  private void generate(Token token, AgentOptions options) throws GeneralSecurityException {
    X509Certificate placeholder =
        token.generate(options.required("alias"), Token.KeyType.parse(options.required("type")));
    out.println("key id " + KeyId.of(placeholder.getPublicKey()));
  }

  private void importKey(Token token, AgentOptions options)
      throws GeneralSecurityException, IOException {
    char[] password = options.secret("pkcs12-password-file", "IOT_HSM_PKCS12_PASSWORD");
    X509Certificate certificate =
        token.importPkcs12(options.required("alias"), options.path("pkcs12"), password);
    out.println("key id " + KeyId.of(certificate.getPublicKey()));
  }

  /**
   * The provisioning file holds the template certificate first and the server's link certificate
   * second; the latter is pinned in the state directory.
   */
  private void provision(Token token, AgentOptions options)
      throws GeneralSecurityException, IOException {
    String alias = options.required("alias");
    List<X509Certificate> provisioning =
        AgentState.readCertificates(options.path("provisioning-certificate"));
    if (provisioning.size() < 2) {
      throw new IllegalArgumentException(
          "The provisioning file must hold the template and the server's link certificate");
    }
    X509Certificate template = provisioning.get(0);
    X509Certificate key = token.certificate(alias);
    String result;
    switch (options.required("mode")) {
      case "self-signed" -> {
        X509Certificate root =
            Provisioner.selfSigned(template, key.getPublicKey(), token.contentSigner(alias));
        token.storeChain(alias, List.of(root));
        result = AgentState.pem(List.of(root));
      }
      case "csr" ->
          result =
              AgentState.pem(
                  "CERTIFICATE REQUEST",
                  Provisioner.request(template, key.getPublicKey(), token.contentSigner(alias))
                      .getEncoded());
      default -> throw new IllegalArgumentException("--mode is self-signed or csr");
    }
    new AgentState(options.path("state-dir")).pinServer(provisioning.get(1));
    Files.writeString(options.path("out"), result);
    out.println("key id " + KeyId.of(key.getPublicKey()));
  }

  private void importCertificate(Token token, AgentOptions options)
      throws GeneralSecurityException, IOException {
    token.storeChain(
        options.required("alias"), AgentState.readCertificates(options.path("certificate")));
    out.println("certificate stored beside key " + options.required("alias"));
  }

  private void run(Token token, AgentOptions options) throws Exception {
    AgentState state = new AgentState(options.path("state-dir"));
    LinkAgent agent =
        new LinkAgent(
            token,
            options.required("alias"),
            state.agentId(),
            state.pinnedServer(),
            Integer.parseInt(
                options.get(
                    "workers", String.valueOf(Runtime.getRuntime().availableProcessors()))));
    String user = options.optional("broker-user").orElse(null);
    char[] password =
        user == null ? null : options.secret("broker-password-file", "IOT_HSM_BROKER_PASSWORD");
    agent.start(
        options.required("broker"),
        user,
        password,
        Duration.ofSeconds(Long.parseLong(options.get("heartbeat-seconds", "2"))));
    out.println("serving key id " + agent.keyId());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.stop();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
