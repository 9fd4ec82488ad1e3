package org.pkiaas.ct.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocketFactory;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ct.control.CtLogClient;
import org.pkiaas.ct.control.SctGathering;
import org.pkiaas.ct.control.SctList;
import org.pkiaas.ct.entity.CtAttempt;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.metrics.boundary.PkiMetrics.CtStep;
import org.pkiaas.metrics.control.ThreadCpu;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The Certificate Transparency step of issuance (RFC 6962 §3.1): given the signed precertificate,
 * gathers and verifies the SCTs of the template's logs and returns the SCT list extension for the
 * final certificate, or records the attempt and throws {@link TransparencyFailure}.
 *
 * <p>The issuing thread sends its requests to all logs, then reads their answers ({@link
 * CtLogClient}), each with its own deadline: a slow or dead log costs its own template's issuance
 * at most that deadline. Only new connections to logs are opened on other threads, at most {@value
 * #OPENING} at once (a few per log), so that a log that does not accept its connections holds back
 * no other log's requests; {@value #WAITING} more wait for them, and past that a submission that
 * needs a new connection fails at once. One more thread closes TLS connections whose exchange
 * outlives its deadline, and idle connections kept too long. What the issuing threads and the
 * connector spend on CT is metered ({@link PkiMetrics#ctWork}), so that an operator, and the
 * issuance benchmark, read what CT costs the server from the server itself; the watchdog's few
 * timer runs are not.
 */
@ApplicationScoped
public class CertificateTransparency {

  private static final Logger LOG = Logger.getLogger(CertificateTransparency.class.getName());

  /** Connections being opened to logs at once, across all issuances. */
  static final int OPENING = 32;

  /** Connections waiting to be opened when {@link #OPENING} are. */
  static final int WAITING = 256;

  @Resource ManagedThreadFactory threads;

  @Inject CtAttempts attempts;

  @Inject PkiMetrics metrics;

  private ThreadPoolExecutor connector;
  private ScheduledThreadPoolExecutor watchdog;
  private CtLogClient client;

  /** The precertificate, and the extension that carries its verified SCTs into the certificate. */
  public record Embedding(byte[] precertificate, Extension sctList, List<String> outcomes) {}

  @PostConstruct
  void start() {
    connector = new Metered(OPENING, new ArrayBlockingQueue<>(WAITING));
    connector.allowCoreThreadTimeOut(true);
    watchdog = new ScheduledThreadPoolExecutor(1, threads);
    watchdog.setRemoveOnCancelPolicy(true);
    client =
        new CtLogClient(
            Duration.ofSeconds(5),
            connector,
            watchdog,
            (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  @PreDestroy
  void stop() {
    client.close();
    connector.shutdownNow();
    watchdog.shutdownNow();
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
    long cpu = ThreadCpu.nanos();
    SctGathering.Result result;
    try {
      result = SctGathering.gather(client, ct, precertificate, issuer, issuers);
    } finally {
      metrics.ctWork(CtStep.LOGS, ThreadCpu.since(cpu));
    }
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

  /** The connector: opens connections to logs, its tasks' CPU metered. */
  private final class Metered extends ThreadPoolExecutor {

    private final ThreadLocal<long[]> started = ThreadLocal.withInitial(() -> new long[1]);

    Metered(int size, ArrayBlockingQueue<Runnable> queue) {
      super(size, size, 30, TimeUnit.SECONDS, queue, threads);
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable task) {
      started.get()[0] = ThreadCpu.nanos();
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
      metrics.ctWork(CtStep.CONNECTOR, ThreadCpu.since(started.get()[0]));
    }
  }
}
