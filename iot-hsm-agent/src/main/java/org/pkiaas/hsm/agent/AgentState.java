package org.pkiaas.hsm.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * What the agent keeps between runs in its state directory: its lasting id ({@code agent-id}) and
 * the server's link certificate pinned at provisioning ({@code server-link.pem}). Neither is
 * secret; the CA key stays on the token.
 */
final class AgentState {

  private final Path directory;

  AgentState(Path directory) {
    this.directory = directory;
  }

  UUID agentId() throws IOException {
    Path file = directory.resolve("agent-id");
    if (Files.exists(file)) {
      return UUID.fromString(Files.readString(file).strip());
    }
    Files.createDirectories(directory);
    UUID id = UUID.randomUUID();
    Files.writeString(file, id + "\n");
    return id;
  }

  void pinServer(X509Certificate server) throws IOException, GeneralSecurityException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("server-link.pem"), pem(List.of(server)));
  }

  X509Certificate pinnedServer() throws IOException, GeneralSecurityException {
    Path file = directory.resolve("server-link.pem");
    if (!Files.exists(file)) {
      throw new GeneralSecurityException(
          "No server certificate is pinned in " + directory + ": provision the agent first");
    }
    return readCertificates(file).get(0);
  }

  static List<X509Certificate> readCertificates(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new GeneralSecurityException("No certificate in " + file);
      }
      return certificates;
    }
  }

  static String pem(List<X509Certificate> certificates) throws CertificateEncodingException {
    StringBuilder out = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      out.append(pem("CERTIFICATE", certificate.getEncoded()));
    }
    return out.toString();
  }

  static String pem(String type, byte[] der) {
    Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    return "-----BEGIN "
        + type
        + "-----\n"
        + encoder.encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
