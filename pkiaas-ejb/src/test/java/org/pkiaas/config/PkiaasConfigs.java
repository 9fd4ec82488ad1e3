package org.pkiaas.config;

import java.nio.file.Path;
import java.util.Optional;

/** Builds a {@link PkiaasConfig} by hand, as CDI and MicroProfile Config would, for unit tests. */
public final class PkiaasConfigs {

  private PkiaasConfigs() {}

  /** No master key given: the key lives in {@code file}, created on first use. */
  public static PkiaasConfig withMasterKeyFile(Path file) {
    return config(Optional.empty(), file);
  }

  /**
   * The master key given directly (base64), as {@code PKIAAS_MASTER_KEY} would; {@code file} should
   * stay unused.
   */
  public static PkiaasConfig withMasterKey(String base64, Path file) {
    return config(Optional.of(base64), file);
  }

  /**
   * ACME validation against {@code http01Port} on the loopback address, with the system's resolver.
   */
  public static PkiaasConfig withAcmeHttp01Port(Path file, int http01Port) {
    PkiaasConfig config = config(Optional.empty(), file);
    config.acmeHttp01Port = http01Port;
    config.acmeTlsAlpn01Port = http01Port;
    config.acmeDnsResolver = Optional.empty();
    return config;
  }

  private static PkiaasConfig config(Optional<String> masterKey, Path file) {
    PkiaasConfig config = new PkiaasConfig();
    config.publicUrl = "http://localhost:8080";
    config.adminUser = "admin";
    config.adminPassword = Optional.empty();
    config.masterKey = masterKey;
    config.masterKeyFile = Optional.of(file.toString());
    config.responderValidityDays = 90;
    return config;
  }
}
