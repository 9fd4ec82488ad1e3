package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import net.jsign.AuthenticodeSigner;
import net.jsign.Signable;
import net.jsign.timestamp.TimestampingMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code signing with time stamps from a CA's time-stamp authority, by two clients nobody here wrote:
 * Debian's osslsigncode signs a PowerShell script with a code-signing certificate the CA issued and
 * has it stamped with {@code -ts} (RFC 3161) and {@code -t} (Authenticode); jsign, an independent
 * Java implementation, stamps in both modes; {@code osslsigncode verify}, with the CA as the trust
 * anchor of both the signature and the time stamp, accepts every result.
 */
@RealClient
class CodeSigningIT extends ServerIT {

  @TempDir Path dir;

  private final Api owner = Api.newUser();
  private String caId;
  private KeyPair keys;
  private String signerPem;
  private String caPem;

  @BeforeEach
  void codeSigningCertificate() throws Exception {
    JsonObject ca =
        owner
            .post(
                "/api/v1/cas",
                Json.createObjectBuilder()
                    .add("name", "Code Signing Root")
                    .add(
                        "subject",
                        Json.createObjectBuilder().add("commonName", "Code Signing Root"))
                    .add("keyType", "EC")
                    .build())
            .json();
    caId = ca.getString("id");
    caPem = ca.getString("certificatePem");
    String templateId =
        owner
            .post(
                "/api/v1/cas/" + caId + "/templates",
                Json.createObjectBuilder()
                    .add("name", "Code")
                    .add("starter", "CODE_SIGNING")
                    .build())
            .json()
            .getString("id");
    keys = Csrs.keys("EC");
    Api.Reply submitted =
        owner.post(
            "/api/v1/templates/" + templateId + "/requests",
            Json.createObjectBuilder()
                .add("csr", Csrs.csr(keys, "CN=PKIaaS IT Publisher", List.of()))
                .build());
    assertEquals(201, submitted.status(), submitted::toString);
    Api.Reply signed =
        owner.post(
            "/api/v1/requests/" + submitted.json().getString("id") + "/sign",
            Json.createObjectBuilder().build());
    assertEquals(200, signed.status(), signed::toString);
    signerPem =
        owner
            .get("/api/v1/certificates/" + signed.json().getString("id"))
            .json()
            .getString("certificatePem");
    Files.writeString(dir.resolve("ca.pem"), caPem, StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("signer.pem"), signerPem + caPem, StandardCharsets.US_ASCII);
    Files.writeString(
        dir.resolve("signer.key"), Pki.pem(keys.getPrivate()), StandardCharsets.US_ASCII);
    Files.writeString(
        dir.resolve("script.ps1"), "Write-Output \"stamped\"\r\n", StandardCharsets.UTF_8);
  }

  private String tsaUrl() {
    return Api.BASE_URL + "/pki/tsa/" + caId;
  }

  private String verify(String file) {
    String output =
        Tools.ok(
            dir,
            "osslsigncode",
            "verify",
            "-CAfile",
            "ca.pem",
            "-TSA-CAfile",
            "ca.pem",
            "-in",
            file);
    assertTrue(output.contains("Succeeded"), output);
    assertTrue(
        output.contains("Timestamp Server Signature verification: ok"),
        "the time stamp chains to the CA:\n" + output);
    return output;
  }

  @Test
  void osslsigncodeStampsWithRfc3161() {
    Tools.ok(
        dir,
        "osslsigncode",
        "sign",
        "-certs",
        "signer.pem",
        "-key",
        "signer.key",
        "-ts",
        tsaUrl(),
        "-in",
        "script.ps1",
        "-out",
        "rfc3161.ps1");
    String output = verify("rfc3161.ps1");
    assertTrue(output.contains("Timestamp"), output);
  }

  @Test
  void osslsigncodeStampsWithAuthenticode() {
    Tools.ok(
        dir,
        "osslsigncode",
        "sign",
        "-certs",
        "signer.pem",
        "-key",
        "signer.key",
        "-t",
        tsaUrl(),
        "-in",
        "script.ps1",
        "-out",
        "authenticode.ps1");
    String output = verify("authenticode.ps1");
    assertTrue(output.contains("Timestamp"), output);
  }

  @Test
  void aTimeStampFromAnotherAnchorIsNotTrusted() throws Exception {
    Tools.ok(
        dir,
        "osslsigncode",
        "sign",
        "-certs",
        "signer.pem",
        "-key",
        "signer.key",
        "-ts",
        tsaUrl(),
        "-in",
        "script.ps1",
        "-out",
        "stamped.ps1");
    Files.writeString(
        dir.resolve("other.pem"),
        Pki.pem(Pki.externalRoot("Unrelated Root", null).certificate()),
        StandardCharsets.US_ASCII);
    Tools.Run run =
        Tools.run(
            dir,
            "osslsigncode",
            "verify",
            "-CAfile",
            "ca.pem",
            "-TSA-CAfile",
            "other.pem",
            "-in",
            "stamped.ps1");
    // osslsigncode 2.9 then falls back to the signing time of now, and still exits 0
    assertTrue(
        run.output().contains("Timestamp Server Signature verification: failed"), run.output());
  }

  @Test
  void jsignStampsInBothModes() throws Exception {
    for (TimestampingMode mode : List.of(TimestampingMode.RFC3161, TimestampingMode.AUTHENTICODE)) {
      Path script = dir.resolve("jsign-" + mode.name().toLowerCase() + ".ps1");
      Files.copy(dir.resolve("script.ps1"), script);
      AuthenticodeSigner signer =
          new AuthenticodeSigner(chain(), keys.getPrivate())
              .withTimestamping(true)
              .withTimestampingMode(mode)
              .withTimestampingAuthority(tsaUrl())
              .withTimestampingRetries(1);
      try (Signable signable = Signable.of(script.toFile())) {
        signer.sign(signable);
      }
      String output = verify(script.getFileName().toString());
      assertTrue(output.contains("Timestamp"), mode + ":\n" + output);
    }
  }

  private Certificate[] chain() throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    return factory
        .generateCertificates(
            new ByteArrayInputStream((signerPem + caPem).getBytes(StandardCharsets.US_ASCII)))
        .toArray(Certificate[]::new);
  }
}
