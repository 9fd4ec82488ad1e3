package org.pkiaas.scep.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.random.Randomness;
import org.pkiaas.scep.entity.ScepSecret;
import org.pkiaas.signing.KeyWrapper;
import org.pkiaas.template.boundary.Templates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.tenant.control.PasswordHasher;

/** The SCEP secrets a template's owner hands out (user guide 6.5). */
@Stateless
public class ScepSecrets {

  private static final int PASSPHRASE_BYTES = 20;

  @PersistenceContext EntityManager em;

  @Inject Templates templates;

  @Inject KeyWrapper keyWrapper;

  /**
   * Generates the template's static passphrase, replacing the previous one, and returns it: this is
   * the only time it is shown; only its hash is kept.
   */
  @Audited(value = "template.scep-passphrase", objectType = "TEMPLATE", objectIdArgument = 1)
  public String newPassphrase(Caller caller, String templateId) {
    String passphrase = generatePassphrase();
    setPassphrase(caller, templateId, passphrase);
    return passphrase;
  }

  /** A new passphrase: 160 random bits as 40 hex digits, which every SCEP client can type. */
  public static String generatePassphrase() {
    byte[] random = new byte[PASSPHRASE_BYTES];
    Randomness.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /**
   * Makes {@code passphrase} (one of {@link #generatePassphrase()}) the template's static
   * passphrase; the previous one stops working.
   */
  @Audited(value = "template.scep-passphrase", objectType = "TEMPLATE", objectIdArgument = 1)
  public void setPassphrase(Caller caller, String templateId, String passphrase) {
    CertificateTemplate template = templates.get(caller, templateId);
    if (passphrase == null || !passphrase.matches("[0-9a-f]{40}")) {
      throw new InvalidInputException("passphrase", "Generate the passphrase with the server");
    }
    secret(template).passphrase(passphrase);
  }

  /**
   * Sets the username and password that open the template's NDES page with HTTP Basic (user guide
   * 6.3.3); the password is kept as a slow hash.
   */
  @Audited(value = "template.scep-ndes-credentials", objectType = "TEMPLATE", objectIdArgument = 1)
  public void ndesCredentials(Caller caller, String templateId, String username, String password) {
    CertificateTemplate template = templates.get(caller, templateId);
    if (username == null || !username.matches("[A-Za-z0-9._@-]{1,128}")) {
      throw new InvalidInputException(
          "username", "A username of letters, digits, . _ @ - (at most 128) is required");
    }
    if (password == null || password.length() < 12 || password.length() > 1000) {
      throw new InvalidInputException("password", "The password has 12 to 1000 characters");
    }
    secret(template).ndesCredentials(username, PasswordHasher.hash(password));
  }

  /**
   * Sets the client secret of the template's Entra ID application (user guide 6.2), which Intune
   * validation authenticates with; it is kept wrapped under the master key and never shown again.
   */
  @Audited(value = "template.scep-intune-secret", objectType = "TEMPLATE", objectIdArgument = 1)
  public void intuneClientSecret(Caller caller, String templateId, String clientSecret) {
    CertificateTemplate template = templates.get(caller, templateId);
    if (clientSecret == null
        || clientSecret.isBlank()
        || clientSecret.length() > 1000
        || !clientSecret.matches("\\p{Graph}+")) {
      throw new InvalidInputException(
          "clientSecret", "The client secret is 1 to 1000 printable characters without spaces");
    }
    ScepSecret secret = secret(template);
    secret.intuneClientSecret(
        keyWrapper.seal(clientSecret.getBytes(StandardCharsets.UTF_8), secret.wrappingContext()));
  }

  private ScepSecret secret(CertificateTemplate template) {
    ScepSecret secret = em.find(ScepSecret.class, template.id());
    if (secret == null) {
      secret = new ScepSecret(template.id());
      em.persist(secret);
    }
    return secret;
  }
}
