package org.pkiaas.bench;

import java.net.URL;
import java.nio.file.Path;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.jscep.transport.Transport;
import org.jscep.transport.TransportFactory;
import org.jscep.transport.UrlConnectionTransportFactory;

/**
 * SCEP PKCSReq enrollments per second (RFC 8894 §3.3.1): 16 devices at once, each with an RSA 2048
 * key made before the measurement, sending what jscep's client sends to this server (AES, {@code
 * SHA512withRSA}, BER) with jscep's own message encoder, one HTTP POST per enrollment, to a P-256
 * CA's template with a static passphrase; the CA's RSA RA certificate opens the envelope and signs
 * the reply. Beside it, the in-memory CPU of the same work with Bouncy Castle: verify the message,
 * open the envelope, verify the CSR, issue the certificate with a P-256 key, build the CertRep
 * (certs-only, enveloped to the requester, signed by the RA with the SCEP attributes).
 *
 * <p>Usage: {@code ScepBenchmark BASE_URL ADMIN_USER ADMIN_PASSWORD WORK_DIR [clients] [seconds]};
 * prints a Markdown section.
 */
public final class ScepBenchmark {

  private ScepBenchmark() {}

  public static void main(String[] args) throws Exception {
    // jscep looks its algorithms up by the provider's name; this process is not the server
    Security.addProvider(BenchApi.BC);
    BenchApi api = new BenchApi(args[0], args[1], args[2]);
    Path work = Path.of(args[3]);
    int clients = args.length > 4 ? Integer.parseInt(args[4]) : 16;
    int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;

    String caId = api.createCa("SCEP Benchmark CA " + Instant.now());
    String template =
        api.post(
            "/api/v1/cas/" + caId + "/templates", "{\"name\":\"SCEP\",\"starter\":\"WEB_SERVER\"}");
    String templateId = BenchApi.id(template);
    api.put(
        "/api/v1/templates/" + templateId,
        "{\"scep\":{\"enabled\":true,\"staticPassphrase\":true}}");
    String passphrase =
        BenchApi.field(
            api.post("/api/v1/templates/" + templateId + "/scep/passphrase", "{}"),
            java.util.regex.Pattern.compile("\"passphrase\"\\s*:\\s*\"([^\"]+)\""));
    URL url = new URL(api.base + "/pki/scep/" + templateId + "/pkiclient.exe");
    X509Certificate ra =
        ScepDevice.registrationAuthority(
            api.getBytes("/pki/scep/" + templateId + "/pkiclient.exe?operation=GetCACert"));

    List<ScepDevice> devices = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      devices.add(ScepDevice.of("device-" + i + ".bench.test", ScepDevice.rsa2048()));
    }
    List<PKCS10CertificationRequest> csrs = new ArrayList<>();
    for (int i = 0; i < 4 * clients; i++) {
      csrs.add(devices.get(i % clients).csr(passphrase));
    }
    Transport transport =
        new UrlConnectionTransportFactory().forMethod(TransportFactory.Method.POST, url);
    Clients.Operation enrol =
        (client, i) ->
            devices.get(i % csrs.size() % clients).enrol(transport, ra, csrs.get(i % csrs.size()));

    ProcessCpu[] processes = ProcessCpu.fromProperties("server", "database");
    ServerJit jit = ServerJit.fromProperties();
    InMemory.Cost inMemory =
        InMemory.cpuPerOperation(ScepInMemory.work(devices.get(0), passphrase), 1000, 200);
    Figures figures = Figures.start(work);
    Duration duration = Duration.ofSeconds(seconds);
    Clients.Load load =
        new Clients.Load(clients, duration, WarmUp.BATCH, WarmUp.BATCHES, processes, jit, inMemory);
    Figures.Row enrolments =
        load.row(
            "SCEP PKCSReq (jscep messages: AES, SHA512withRSA), RSA 2048 devices, P-256 CA"
                + " with its RSA RA, "
                + clients
                + " clients",
            "≥ half the in-memory rate: server ÷ in-memory ≤ 2",
            "scep-pkcsreq",
            enrol);
    figures.add(enrolments);
    // The floor under every SCEP request: GetCACert (RFC 8894 §4.2) reads the template, its CA
    // and its RA, as a PKIOperation does, and answers their certificates with no cryptography.
    String caCert = "/pki/scep/" + templateId + "/pkiclient.exe?operation=GetCACert";
    Figures.Row floor =
        load.row(
            "floor: GetCACert (template, CA and RA read; no cryptography), " + clients + " clients",
            "what any SCEP request costs",
            "scep-getcacert",
            (client, i) -> api.getBytes(caCert));
    figures.add(floor);
    figures.note(
        Figures.floorNote(
            enrolments,
            floor,
            2,
            "enrollment",
            "HTTP, the template, CA and RA read in two statements without a transaction, a degenerate PKCS#7"));
    System.out.println(figures.report());
  }
}
