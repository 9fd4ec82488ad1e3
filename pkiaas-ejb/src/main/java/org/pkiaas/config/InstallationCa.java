package org.pkiaas.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The certificate of the installation CA that signed the HTTPS certificate, when bin/pkiaas-start
 * made one ({@code pkiaas.https.installation-ca} names its PEM file), for clients to fetch over
 * plain HTTP and check against the fingerprint the start banner printed.
 */
@ApplicationScoped
public class InstallationCa {

  private static final long MAX_BYTES = 64 * 1024;

  @Inject
  @ConfigProperty(name = "pkiaas.https.installation-ca")
  Optional<String> file;

  /** Its PEM; empty when the server's certificate comes from elsewhere. */
  public Optional<String> pem() {
    Optional<Path> path = file.filter(f -> !f.isBlank()).map(Path::of);
    try {
      if (path.isEmpty()
          || !Files.isRegularFile(path.get())
          || Files.size(path.get()) > MAX_BYTES) {
        return Optional.empty();
      }
      String pem = Files.readString(path.get(), StandardCharsets.US_ASCII);
      return pem.startsWith("-----BEGIN CERTIFICATE-----") ? Optional.of(pem) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
