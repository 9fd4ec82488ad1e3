package org.pkiaas.tenant.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.pkiaas.config.PkiaasConfig;

/**
 * At first start, when no account exists, creates the administrator from
 * {@code PKIAAS_ADMIN_USER} / {@code PKIAAS_ADMIN_PASSWORD}, or with a generated password that is
 * printed to the server log this once and never again.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    Accounts accounts;

    @Inject
    PkiaasConfig config;

    @PostConstruct
    void createFirstAdministrator() {
        if (!accounts.none()) {
            return;
        }
        String user = config.adminUser();
        if (config.adminPassword().isPresent()) {
            accounts.createInitialAdmin(user, config.adminPassword().get());
            LOG.info(() -> "PKIaaS: created the administrator account '" + user + "' with the password from PKIAAS_ADMIN_PASSWORD");
            return;
        }
        String generated = generatePassword();
        accounts.createInitialAdmin(user, generated);
        LOG.warning("PKIaaS: created the administrator account '" + user + "'. Generated password (shown once): "
                + generated + "  -- sign in and change it, or set PKIAAS_ADMIN_PASSWORD before the first start.");
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
