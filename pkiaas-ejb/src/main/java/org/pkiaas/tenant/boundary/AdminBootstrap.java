package org.pkiaas.tenant.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.tenant.control.InitialPasswordFile;

/**
 * At first start, when no account exists, creates the administrator from {@code PKIAAS_ADMIN_USER}
 * / {@code PKIAAS_ADMIN_PASSWORD}, or with a generated password written to an owner-only file
 * ({@link InitialPasswordFile}), never to a log; the first sign-in with a generated password must
 * change it.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  @Inject Accounts accounts;

  @Inject PkiaasConfig config;

  @PostConstruct
  void createFirstAdministrator() {
    if (!accounts.none()) {
      return;
    }
    String user = config.adminUser();
    if (config.adminPassword().isPresent()) {
      accounts.createInitialAdmin(user, config.adminPassword().get(), false);
      LOG.info(
          () ->
              "PKIaaS: created the administrator account '"
                  + user
                  + "' with the password from PKIAAS_ADMIN_PASSWORD");
      return;
    }
    String generated = generatePassword();
    Path file = InitialPasswordFile.location();
    InitialPasswordFile.write(file, user, generated);
    accounts.createInitialAdmin(user, generated, true);
    LOG.warning(
        "PKIaaS: created the administrator account '"
            + user
            + "'; its generated password is in "
            + file
            + " (readable by the server's user only). The first sign-in must change it.");
  }

  private static String generatePassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
