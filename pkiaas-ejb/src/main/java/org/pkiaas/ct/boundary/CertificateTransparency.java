package org.pkiaas.ct.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ct.control.CtLogClient;
import org.pkiaas.ct.control.SctGathering;
import org.pkiaas.ct.control.SctList;
import org.pkiaas.ct.entity.CtAttempt;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The Certificate Transparency step of issuance (RFC 6962 §3.1): given the signed precertificate,
 * gathers and verifies the SCTs of the template's logs and returns the SCT list extension for the
 * final certificate, or records the attempt and throws {@link TransparencyFailure}.
 *
 * <p>Log submissions are asynchronous with a deadline each ({@link CtLogClient}): a slow or dead
 * log holds no thread, and costs its own template's issuance at most that deadline.
 */
@ApplicationScoped
public class CertificateTransparency {

  private static final Logger LOG = Logger.getLogger(CertificateTransparency.class.getName());

  @Inject CtAttempts attempts;

  private CtLogClient client;

  /** The precertificate, and the extension that carries its verified SCTs into the certificate. */
  public record Embedding(byte[] precertificate, Extension sctList, List<String> outcomes) {}

  @PostConstruct
  void start() {
    client = new CtLogClient(Duration.ofSeconds(5));
    if (ForkJoinPool.getCommonPoolParallelism() < 2) {
      // java.net.http completes each asynchronous answer through CompletableFuture's default
      // executor, which starts a thread per task when the common pool has one worker
      LOG.warning(
          "The JVM's common pool has one worker (one or two cores): every CT log answer starts a"
              + " new thread. Start the server with"
              + " -Djava.util.concurrent.ForkJoinPool.common.parallelism=2, as"
              + " wildfly-config/configure.sh does in bin/standalone.conf.");
    }
  }

  /**
   * @param issuers the issuing CA's certificate and those above it, DER, nearest first
   * @param channel the issuance channel the request came through, recorded with a failed attempt
   * @throws TransparencyFailure too few valid SCTs; the attempt is recorded for {@code requestId}
   */
  public Embedding embed(
      TemplateSettings.CertificateTransparency ct,
      X509CertificateHolder precertificate,
      X509CertificateHolder issuer,
      List<byte[]> issuers,
      String caId,
      String templateId,
      String requestId,
      String channel) {
    SctGathering.Result result = SctGathering.gather(client, ct, precertificate, issuer, issuers);
    List<String> outcomes =
        result.outcomes().stream().map(SctGathering.LogOutcome::record).toList();
    if (!result.enough()) {
      attempts.record(
          new CtAttempt(
              caId,
              templateId,
              requestId,
              channel,
              result.precertificate(),
              String.join("\n", outcomes)));
      LOG.info(() -> "Issuance refused for request " + requestId + ": " + result.failure());
      throw new TransparencyFailure(result.failure());
    }
    return new Embedding(
        result.precertificate(), new SctList(result.verified()).extension(), outcomes);
  }
}
