package org.pkiaas.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.health.control.HealthFacts;
import org.pkiaas.signing.KeyCheckValue;
import org.pkiaas.signing.MasterKey;

/**
 * Readiness: the master key this node holds is the one the database's keys are wrapped under (its
 * key-check value matches the stored one, as at start), and the key file it came from is still
 * there, so the next start will find it.
 */
@ApplicationScoped
public class MasterKeyCheck implements HealthCheck {

  @Inject HealthFacts facts;

  @Inject MasterKey masterKey;

  @Inject PkiaasConfig config;

  @Override
  public HealthCheckResponse call() {
    return Checks.guarded(
        "pkiaas-master-key",
        builder -> {
          builder.withData("source", masterKey.source());
          Optional<String> stored = facts.storedKeyCheckValue();
          if (stored.isEmpty()) {
            return builder.down().withData("error", "no key-check value in the database");
          }
          if (!KeyCheckValue.matches(masterKey.key(), stored.get())) {
            return builder
                .down()
                .withData("error", "the key does not match the database's key-check value");
          }
          if (config.masterKey().isEmpty()) {
            Path file = config.masterKeyFile();
            if (!Files.isReadable(file)) {
              return builder
                  .down()
                  .withData("error", "the key file is gone: the next start would fail");
            }
          }
          return builder.up();
        });
  }
}
