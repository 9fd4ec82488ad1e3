package org.pkiaas.scep.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.scep.boundary.ScepTemplates.ScepTemplate;
import org.pkiaas.scep.control.FailInfo;
import org.pkiaas.scep.control.IntuneClient;
import org.pkiaas.scep.control.IntuneException;
import org.pkiaas.scep.control.ScepFailure;
import org.pkiaas.scep.entity.ScepSecret;
import org.pkiaas.signing.KeyWrapper;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * Intune validation of a template's PKCSReq (user guide 6.2): the request is sent to Intune before
 * anything is issued, and Intune hears of the outcome. A refusal, an unreachable Intune or a failed
 * success notification is a {@link ScepFailure} badRequest, which rolls the enrollment back, so
 * nothing is issued without Intune's approval and acknowledgement (the reference library's test
 * matrix asks the same). Runs in the enrollment's transaction.
 */
@ApplicationScoped
public class IntuneValidation {

  private static final Logger LOG = Logger.getLogger(IntuneValidation.class.getName());

  /** Sent as {@code callerInfo} and {@code UserAgent}, as the reference client does. */
  static final String CALLER_INFO = "PKIaaS SCEP/1";

  @PersistenceContext EntityManager em;

  @Inject KeyWrapper keyWrapper;

  private final IntuneClient client =
      new IntuneClient(
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build(),
          CALLER_INFO);

  /** {@code validateRequest}: Intune's approval of the CSR and its challenge, or FAILURE. */
  public void validate(ScepTemplate scep, String transactionId, byte[] csr) {
    IntuneClient.Tenant tenant = tenant(scep);
    try {
      client.validateRequest(tenant, transactionId, csr);
    } catch (IntuneException e) {
      throw new ScepFailure(FailInfo.BAD_REQUEST, e.getMessage());
    }
  }

  /** {@code successNotification}; when Intune does not acknowledge it, FAILURE (nothing issued). */
  public void issued(
      ScepTemplate scep, String transactionId, byte[] csr, X509CertificateHolder certificate) {
    try {
      client.successNotification(tenant(scep), transactionId, csr, certificate, scep.ca().id());
    } catch (IntuneException e) {
      throw new ScepFailure(
          FailInfo.BAD_REQUEST,
          "Intune did not acknowledge the certificate, so it is not issued: " + e.getMessage());
    }
  }

  /**
   * {@code failureNotification} after Intune approved a request the CA then refused; best effort,
   * since the requester is refused either way.
   */
  public void notIssued(ScepTemplate scep, String transactionId, byte[] csr, String why) {
    try {
      client.failureNotification(tenant(scep), transactionId, csr, IntuneClient.E_FAIL, why);
    } catch (IntuneException | ScepFailure e) {
      LOG.log(
          Level.WARNING,
          "Intune was not told that SCEP transaction {0} of template {1} failed: {2}",
          new Object[] {transactionId, scep.template().id(), e.getMessage()});
    }
  }

  private IntuneClient.Tenant tenant(ScepTemplate scep) {
    TemplateSettings.Scep.Intune connection = scep.template().settings().scep().intuneConnection();
    ScepSecret secret = em.find(ScepSecret.class, scep.template().id());
    if (connection == null || secret == null || secret.intuneClientSecret() == null) {
      throw new ScepFailure(
          FailInfo.BAD_REQUEST,
          "Intune validation is not configured: the template has no Intune client secret");
    }
    String clientSecret =
        new String(
            keyWrapper.open(secret.intuneClientSecret(), secret.wrappingContext()),
            StandardCharsets.UTF_8);
    return new IntuneClient.Tenant(
        connection.authorityUrl(),
        connection.graphUrl(),
        connection.tenantId(),
        connection.clientId(),
        clientSecret,
        Duration.ofMillis(
            connection.timeoutMillis() == null ? 10_000 : connection.timeoutMillis()));
  }
}
