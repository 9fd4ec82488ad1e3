package org.pkiaas.metrics.boundary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.pkiaas.metrics.control.LatencyHistogram;
import org.pkiaas.signing.DeviceSignature;

/**
 * PKIaaS's own meters, published by WildFly's Micrometer subsystem (Prometheus at {@code
 * /prometheus} on the management interface; docs/operator-guide.md lists every name). Each method
 * counts one event; callers pass the words of their protocol (OCSP's cert status, ACME's challenge
 * type). Without the subsystem the meters go to a registry nobody reads, so nothing fails.
 *
 * <p>Tags are few and bounded: channels, statuses and outcomes are enumerations, and the CA tag
 * grows with the number of CAs only.
 *
 * <p>Meters are made with the registry's own methods ({@code counter}, {@code timer}, {@code
 * summary}, {@code gauge}), never with builders: WildFly hands deployments a registry that passes
 * those calls on to its Prometheus registry, with the deployment's tag, and keeps what builders
 * register to itself, unpublished. So timers carry count, sum and max, not histograms; OCSP's
 * latency, which operators read as quantiles, is a {@link LatencyHistogram} of our own.
 *
 * <p>Each counter and timer is found in the registry once and held: WildFly's registry finds an
 * existing meter by searching all of them, which took a sixth of a time stamp's server CPU
 * (docs/BENCHMARKS.md, "Time stamps").
 */
@ApplicationScoped
public class PkiMetrics {

  static final String ISSUED = "pkiaas.certificates.issued";
  static final String OCSP_RESPONSES = "pkiaas.ocsp.responses";
  static final String OCSP_LATENCY = "pkiaas.ocsp.response";
  static final String CRL_BUILD_TIME = "pkiaas.crl.build.time";
  static final String CRL_SIZE = "pkiaas.crl.size.bytes";
  static final String ACME_ORDERS = "pkiaas.acme.orders";
  static final String ACME_VALIDATIONS = "pkiaas.acme.validations";
  static final String RATE_LIMIT_REFUSALS = "pkiaas.ratelimit.refusals";
  static final String SIGN_IN_FAILURES = "pkiaas.signin.failures";
  static final String SCEP_ENROLLMENTS = "pkiaas.scep.enrollments";
  static final String EST_ENROLLMENTS = "pkiaas.est.enrollments";
  static final String TIMESTAMPS = "pkiaas.timestamps";
  static final String HSM_SIGNATURE_TIME = "pkiaas.hsm.signature.time";
  static final String AUDIT_SEALED = "pkiaas.audit.events.sealed";
  static final String AUDIT_SEALING_CPU = "pkiaas.audit.sealing.cpu";
  static final String CT_CPU = "pkiaas.ct.cpu";

  /** The steps of Certificate Transparency whose CPU {@link #ctWork} meters. */
  public enum CtStep {
    /** Signing the precertificate, on the issuing thread. */
    PRECERTIFICATE,
    /** Asking the template's logs and checking their SCTs, on the issuing thread. */
    LOGS,
    /** Opening connections to logs and sending their first request, on the connector threads. */
    CONNECTOR;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Inject Instance<MeterRegistry> registries;

  private MeterRegistry registry;

  private final LatencyHistogram ocspSigned = new LatencyHistogram();

  private final LatencyHistogram ocspCached = new LatencyHistogram();

  /** OCSP's counters by source and status, found once: a registry lookup per response costs. */
  private final Map<String, Counter> ocspSignedCounters = new ConcurrentHashMap<>();

  private final Map<String, Counter> ocspCachedCounters = new ConcurrentHashMap<>();

  /** Every other counter and timer by kind, name and tags (bounded, see above). */
  private record Key(Class<?> kind, String name, List<String> tags) {}

  private final Map<Key, Meter> meters = new ConcurrentHashMap<>();

  public PkiMetrics() {
    // CDI
  }

  /** Meters in the given registry, for tests. */
  public PkiMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @PostConstruct
  void connect() {
    registry = registries.isResolvable() ? registries.get() : new SimpleMeterRegistry();
    // present from the start, so dashboards and alerts see zero rather than nothing
    registry.counter(SIGN_IN_FAILURES, "reason", "password");
    registry.counter(RATE_LIMIT_REFUSALS, "limit", "sign-in");
    registry.counter(SCEP_ENROLLMENTS, "outcome", "issued");
    registry.counter(EST_ENROLLMENTS, "outcome", "issued");
    registry.counter(TIMESTAMPS, "outcome", "granted");
    registry.timer(HSM_SIGNATURE_TIME, "outcome", "ok");
    registry.counter(AUDIT_SEALED);
    registry.timer(AUDIT_SEALING_CPU);
    registerCtSteps();
    ocspSigned.publish(registry, OCSP_LATENCY, Tags.of("source", "signed"));
    ocspCached.publish(registry, OCSP_LATENCY, Tags.of("source", "cached"));
  }

  /** Every CT step's meter, at zero until its step first runs. */
  void registerCtSteps() {
    for (CtStep step : CtStep.values()) {
      timer(CT_CPU, "step", step.tag());
    }
  }

  /** A certificate was issued (committed) through {@code channel} by the CA {@code caId}. */
  public void certificateIssued(String channel, String caId) {
    counter(ISSUED, "channel", channel, "ca", caId).increment();
  }

  /**
   * An OCSP response went out.
   *
   * @param status the certificate status of a successful response (good, revoked, unknown) or the
   *     response status of an error (malformedRequest, unauthorized, tryLater, internalError), RFC
   *     6960 §2.2–2.3
   * @param cached whether it came from the response cache rather than being signed now
   */
  public void ocspResponse(String status, boolean cached, long tookNanos) {
    Map<String, Counter> counters = cached ? ocspCachedCounters : ocspSignedCounters;
    Counter counter = counters.get(status);
    if (counter == null) {
      String source = cached ? "cached" : "signed";
      counter =
          counters.computeIfAbsent(
              status, s -> registry.counter(OCSP_RESPONSES, "status", s, "source", source));
    }
    counter.increment();
    (cached ? ocspCached : ocspSigned).record(tookNanos);
  }

  /** A CRL was built and signed: how long it took and how large it came out. */
  public void crlBuilt(String caId, boolean delta, Duration took, long bytes) {
    String kind = delta ? "delta" : "complete";
    timer(CRL_BUILD_TIME, "ca", caId, "kind", kind).record(took);
    meter(
            DistributionSummary.class,
            CRL_SIZE,
            new String[] {"ca", caId, "kind", kind},
            () -> registry.summary(CRL_SIZE, "ca", caId, "kind", kind))
        .record(bytes);
  }

  /** An ACME order reached {@code status} (pending when created, then valid or invalid). */
  public void acmeOrder(String status) {
    counter(ACME_ORDERS, "status", status).increment();
  }

  /**
   * An ACME challenge validation attempt ended: {@code outcome} is valid, invalid (no attempts
   * left) or retry (will be tried again).
   */
  public void acmeValidation(String type, String outcome) {
    counter(ACME_VALIDATIONS, "type", type, "outcome", outcome).increment();
  }

  /** A request was refused by the rate limit named {@code limit}. */
  public void rateLimitRefused(String limit) {
    counter(RATE_LIMIT_REFUSALS, "limit", limit).increment();
  }

  /** A sign-in failed: a wrong password, or refused while the throttle waits ("throttled"). */
  public void signInFailed(String reason) {
    counter(SIGN_IN_FAILURES, "reason", reason).increment();
  }

  /** A SCEP enrollment ended with {@code outcome} (issued, pending, failed). */
  public void scepEnrollment(String outcome) {
    counter(SCEP_ENROLLMENTS, "outcome", outcome).increment();
  }

  /** An EST enrollment ended with {@code outcome} (issued, pending, failed). */
  public void estEnrollment(String outcome) {
    counter(EST_ENROLLMENTS, "outcome", outcome).increment();
  }

  /** A timestamp request ended with {@code outcome} (granted, rejected). */
  public void timestamp(String outcome) {
    counter(TIMESTAMPS, "outcome", outcome).increment();
  }

  /**
   * The audit sealer put {@code events} on their chains, spending {@code cpu} of its thread's CPU
   * time (reads, MACs, the batched update and the commit): what the audit chain costs the server.
   */
  public void auditSealed(long events, Duration cpu) {
    counter(AUDIT_SEALED).increment(events);
    timer(AUDIT_SEALING_CPU).record(cpu);
  }

  /**
   * A thread spent {@code cpu} of its CPU time on {@code step} of Certificate Transparency (RFC
   * 6962 §3.1): together, what CT costs the server beside a plain issuance, counted where it is
   * spent rather than inferred. The issuing thread's steps are counted per certificate, the others
   * per task.
   *
   * <p>Called from the work it meters, in {@code finally} blocks and executor hooks, so it never
   * throws: a registry gone at undeploy must not fail an issuance or end a pool's thread.
   */
  public void ctWork(CtStep step, Duration cpu) {
    try {
      timer(CT_CPU, "step", step.tag()).record(cpu);
    } catch (RuntimeException e) {
      // the meter is lost, the work is not
    }
  }

  /** An HSM signature returned ({@code ok}) or failed ({@code offline}, {@code error}). */
  public void hsmSignature(String outcome, Duration took) {
    timer(HSM_SIGNATURE_TIME, "outcome", outcome).record(took);
  }

  void deviceSignature(@Observes DeviceSignature signature) {
    hsmSignature(signature.outcome(), signature.took());
  }

  private Counter counter(String name, String... tags) {
    return meter(Counter.class, name, tags, () -> registry.counter(name, tags));
  }

  private Timer timer(String name, String... tags) {
    return meter(Timer.class, name, tags, () -> registry.timer(name, tags));
  }

  private <M extends Meter> M meter(
      Class<M> kind, String name, String[] tags, Supplier<M> register) {
    return kind.cast(
        meters.computeIfAbsent(new Key(kind, name, List.of(tags)), key -> register.get()));
  }

  /**
   * A gauge read when scraped: {@code value} applied to {@code state}, which the caller must keep
   * (the registry holds it weakly).
   */
  public <T> void gauge(String name, Iterable<Tag> tags, T state, ToDoubleFunction<T> value) {
    registry.gauge(name, tags, state, value);
  }
}
