package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A CA and a template with SCEP switched on and a static passphrase, owned by a fresh user: what
 * each SCEP test enrolls against.
 */
final class ScepFixture {

  final Api owner = Api.newUser();
  final String caId;
  final JsonObject template;
  final String passphrase;

  /** {@code keyType}: RSA or EC. */
  ScepFixture(String caName, String keyType) {
    caId = newCa(owner, caName, keyType);
    template =
        owner
            .post(
                "/api/v1/cas/" + caId + "/templates",
                Json.createObjectBuilder().add("name", "SCEP").add("starter", "WEB_SERVER").build())
            .json();
    Api.Reply updated =
        owner.put(
            "/api/v1/templates/" + templateId(),
            Json.createObjectBuilder()
                .add(
                    "scep",
                    Json.createObjectBuilder(template.getJsonObject("scep"))
                        .add("enabled", true)
                        .add("staticPassphrase", true))
                .build());
    assertEquals(200, updated.status(), updated::toString);
    Api.Reply secret =
        owner.post("/api/v1/templates/" + templateId() + "/scep/passphrase", JsonValueEmpty.OBJECT);
    assertEquals(200, secret.status(), secret::toString);
    passphrase = secret.json().getString("passphrase");
  }

  /** A new CA of {@code owner} with an RSA-2048 or a P-256 key ({@code keyType} RSA or EC). */
  static String newCa(Api owner, String caName, String keyType) {
    JsonObjectBuilder ca = CertificateAuthoritiesIT.ca(caName).add("keyType", keyType);
    if (keyType.equals("RSA")) {
      ca.add("keySize", 2048);
    }
    Api.Reply created = owner.post("/api/v1/cas", ca.build());
    assertEquals(201, created.status(), created::toString);
    return created.json().getString("id");
  }

  /** Changes fields of the template's {@code section} (such as scep or general). */
  void set(String section, JsonObjectBuilder changes) {
    JsonObject current = owner.get("/api/v1/templates/" + templateId()).json();
    JsonObjectBuilder merged = Json.createObjectBuilder(current.getJsonObject(section));
    changes.build().forEach(merged::add);
    Api.Reply updated =
        owner.put(
            "/api/v1/templates/" + templateId(),
            Json.createObjectBuilder().add(section, merged).build());
    assertEquals(200, updated.status(), updated::toString);
  }

  /** Lets certificates of the template be renewed in their last 30 days, revoking the old one. */
  void allowRenewal() {
    set(
        "general",
        Json.createObjectBuilder()
            .add("renewalAllowed", true)
            .add("renewalWindowDays", 30)
            .add("validityDays", 30)
            .add("renewalAutoRevoke", true));
  }

  String templateId() {
    return template.getString("id");
  }

  /** The template's SCEP URL with the suffix many clients append. */
  String url() {
    return Api.BASE_URL + "/pki/scep/" + templateId() + "/pkiclient.exe";
  }

  X509CertificateHolder caCertificate() {
    return Pki.certificate(owner.get("/api/v1/cas/" + caId).json().getString("certificatePem"));
  }

  /** Writes the CA certificate to {@code ca.pem} in {@code dir}. */
  Path caPem(Path dir) throws Exception {
    Path file = dir.resolve("ca.pem");
    Files.writeString(file, Pki.pem(caCertificate()));
    return file;
  }

  /** {@code openssl verify} of {@code file} against this CA, with {@code options} before it. */
  String opensslVerify(Path dir, Path file, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl", "verify"));
    command.addAll(List.of(options));
    command.addAll(List.of("-CAfile", caPem(dir).toString(), file.toString()));
    return Tools.ok(dir, command.toArray(String[]::new));
  }

  /** {@code openssl x509 -noout} of {@code certificate}, printing what {@code options} ask. */
  static String x509(Path dir, Path certificate, String... options) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("openssl", "x509", "-in", certificate.toString(), "-noout"));
    command.addAll(List.of(options));
    return Tools.ok(dir, command.toArray(String[]::new));
  }

  /**
   * Runs micromdm's scepclient as one device in {@code device} (it keeps its key and CSR in the
   * working directory): the certificate lands in {@code device.pem} there.
   */
  static Tools.Run scepclient(String url, String challenge, Path device, String commonName)
      throws Exception {
    Files.createDirectories(device);
    return Tools.run(
        device,
        "scepclient",
        "-server-url",
        url,
        "-challenge",
        challenge,
        "-private-key",
        device.resolve("device.key").toString(),
        "-certificate",
        device.resolve("device.pem").toString(),
        "-cn",
        commonName,
        "-organization",
        "Devices");
  }

  /** The SCEP failures in the owner's audit log, to explain a failed enrollment. */
  String failures() {
    return "\nSCEP failures in the audit log: "
        + owner.get("/api/v1/audit?size=50").array().stream()
            .map(jakarta.json.JsonValue::asJsonObject)
            .filter(e -> e.getString("action").startsWith("scep."))
            .map(e -> e.getString("detail", ""))
            .toList();
  }

  /** The certificates issued under the template, as the API lists them. */
  jakarta.json.JsonArray issued() {
    return owner.get("/api/v1/cas/" + caId + "/certificates?templateId=" + templateId()).array();
  }

  private static final class JsonValueEmpty {
    static final JsonObject OBJECT = Json.createObjectBuilder().build();
  }
}
