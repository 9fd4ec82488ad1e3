package org.pkiaas.ct.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.template.entity.TemplateSettings.CertificateTransparency;
import org.pkiaas.template.entity.TemplateSettings.CtLog;

/**
 * Gathers the SCTs of a precertificate (RFC 6962 §3.1): submits it to every log of the template
 * that accepts its notAfter, all at once, each with its own deadline, and verifies each answer with
 * the log's key over the precert entry (§3.2), on the calling thread. Pure orchestration over a
 * {@link CtLogClient}.
 */
public final class SctGathering {

  static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

  /** One log's part: its answer, the SCT in it, and null {@code problem} when that SCT verified. */
  public record LogOutcome(
      CtLog log, CtLogClient.Answer answer, SignedCertificateTimestamp sct, String problem) {

    public boolean verified() {
      return sct != null && problem == null;
    }

    public String describe() {
      return log.url() + ": " + (verified() ? "SCT verified" : problem);
    }

    /** {@link #describe()} and, for the administrator's record, what the log answered. */
    public String record() {
      return answer == null ? describe() : describe() + " (answer: " + answer.withBody() + ")";
    }
  }

  /** The outcome of all logs, in the template's order. */
  public record Result(byte[] precertificate, List<LogOutcome> outcomes, int required) {

    public List<SignedCertificateTimestamp> verified() {
      return outcomes.stream().filter(LogOutcome::verified).map(LogOutcome::sct).toList();
    }

    public boolean enough() {
      return verified().size() >= required;
    }

    /** Why issuance stops: how many SCTs were needed and what each failing log did. */
    public String failure() {
      StringBuilder detail =
          new StringBuilder("Certificate Transparency: ")
              .append(verified().size())
              .append(" valid SCT(s), ")
              .append(required)
              .append(" required");
      for (LogOutcome outcome : outcomes) {
        if (!outcome.verified()) {
          detail.append("; ").append(outcome.describe());
        }
      }
      return detail.toString();
    }
  }

  private SctGathering() {}

  /**
   * @param issuer the CA certificate that signed {@code precertificate}
   * @param issuers the CA certificate and the ones above it, DER, nearest first
   */
  public static Result gather(
      CtLogClient client,
      CertificateTransparency ct,
      X509CertificateHolder precertificate,
      X509CertificateHolder issuer,
      List<byte[]> issuers) {
    byte[] precertDer = encoded(precertificate);
    List<byte[]> chain = new ArrayList<>();
    chain.add(precertDer);
    chain.addAll(issuers);
    LogEntry entry = Precertificates.entryOfPrecertificate(precertificate, issuer);
    Instant notAfter = precertificate.getNotAfter().toInstant();
    List<CtLog> accepting = new ArrayList<>();
    List<CtLog> logs = ct.logs();
    CtLogClient.Submission[] submissions = new CtLogClient.Submission[logs.size()];
    long[] deadlines = new long[logs.size()];
    for (int i = 0; i < logs.size(); i++) {
      CtLog log = logs.get(i);
      if (accepts(log, notAfter)) {
        accepting.add(log);
        Duration deadline =
            log.timeoutMillis() == null ? DEFAULT_DEADLINE : Duration.ofMillis(log.timeoutMillis());
        deadlines[i] = deadline.toMillis();
        submissions[i] = client.addPreChain(log.url(), chain, deadline);
      }
    }
    // every log has its request by now: the answers are read one after the other, the earliest
    // deadline first, so a log with a long deadline does not keep a short one's answer waiting
    CtLogClient.Answer[] answers = new CtLogClient.Answer[logs.size()];
    IntStream.range(0, logs.size())
        .filter(i -> submissions[i] != null)
        .boxed()
        .sorted(Comparator.comparingLong(i -> deadlines[i]))
        .forEach(i -> answers[i] = submissions[i].answer());
    List<LogOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < logs.size(); i++) {
      outcomes.add(
          answers[i] == null
              ? new LogOutcome(
                  logs.get(i), null, null, "not submitted: the notAfter is outside its window")
              : outcome(logs.get(i), answers[i], entry));
    }
    int required = ct.sctsRequired() != null ? ct.sctsRequired() : Math.max(1, accepting.size());
    return new Result(precertDer, outcomes, required);
  }

  static boolean accepts(CtLog log, Instant notAfter) {
    return (log.notAfterFrom() == null || !notAfter.isBefore(log.notAfterFrom()))
        && (log.notAfterUntil() == null || notAfter.isBefore(log.notAfterUntil()));
  }

  private static LogOutcome outcome(CtLog log, CtLogClient.Answer answer, LogEntry entry) {
    if (!answer.ok()) {
      return new LogOutcome(log, answer, null, answer.summary());
    }
    SignedCertificateTimestamp sct;
    try {
      sct = CtJson.sct(answer.body());
    } catch (CtFormatException e) {
      return new LogOutcome(log, answer, null, "not an SCT: " + e.getMessage());
    }
    String problem = SctVerifier.forLog(log.publicKey()).problem(sct, entry);
    return new LogOutcome(log, answer, sct, problem == null ? null : "invalid SCT: " + problem);
  }

  private static byte[] encoded(X509CertificateHolder certificate) {
    try {
      return certificate.getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
