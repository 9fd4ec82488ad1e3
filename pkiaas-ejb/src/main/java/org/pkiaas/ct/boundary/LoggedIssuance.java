package org.pkiaas.ct.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.ct.control.EmbeddedScts;
import org.pkiaas.ct.control.SctList;
import org.pkiaas.problem.ConflictException;

/**
 * Runs a channel's issuing transaction around the Certificate Transparency step (RFC 6962 §3.1,
 * issue 19), so that waiting on logs never ties up more than a bounded number of database
 * connections. When the issuance reaches its precertificate, {@link #embed} asks the logs from
 * inside the transaction if fewer than {@code pkiaas.ct.transactions-waiting} transactions of this
 * node are waiting already: the issuance then costs the log round trips, the precertificate's
 * signature and the SCT checks beside a plain one, and nothing more. Otherwise the round ends with
 * {@link PrecertificateReady} and rolls back; the logs are asked with no transaction and no lock
 * held; the second round repeats the channel's work with the same serial and time, checks that it
 * builds the very TBS the logs saw, and issues with their SCTs, or, when too few came back, fails
 * in the channel's own language. A slow or dead log therefore holds at most that many connections,
 * and issuance through other templates keeps the rest of the pool. A failed issuance leaves the
 * database as it was, apart from the record of what the logs answered ({@link CtAttempts}). The
 * second round repeats the channel's decisions but not its costliest pure work: what a round
 * computed from given bytes (a CSR parsed and its signature verified) is handed to the next round
 * of the same run that sees the very same bytes ({@link #reused}), and the issuance takes the
 * precertificate's TBS back when it decides on the same template, issuer and intake ({@link
 * PrecertificateReady.Pending#built()}).
 *
 * <p>Channels without CT run once, as before. Call it outside any transaction: from a JAX-RS
 * resource, a backing bean or a boundary marked {@code NOT_SUPPORTED}.
 */
@ApplicationScoped
public class LoggedIssuance {

  /** A precertificate whose TBS no longer matches after the logs answered: content changed. */
  private static final int ROUNDS = 3;

  private static final ThreadLocal<Round> CURRENT = new ThreadLocal<>();

  @Inject CertificateTransparency transparency;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject PkiaasConfig config;

  /** Places for transactions waiting on logs ({@link #embed}); one per waiting transaction. */
  Semaphore waiting;

  @PostConstruct
  void start() {
    waiting = new Semaphore(config.ctTransactionsWaiting());
  }

  /** What the logs said about the precertificate of the previous round. */
  public record Answered(
      PrecertificateReady.Pending pending,
      CertificateTransparency.Embedding embedding,
      TransparencyFailure failure) {

    /**
     * The same CA and template as an issuance now running; its TBS is checked apart. The request id
     * is not compared: channels that create their request in the transaction (one-call, SCEP and
     * EST enrollments) get a new one each round, and the SCTs bind the TBS, not the request.
     */
    public boolean answers(String caId, String templateId) {
      return pending.caId().equals(caId) && Objects.equals(pending.templateId(), templateId);
    }

    /** The SCT list to embed, or the failure to throw when too few SCTs came back. */
    CertificateTransparency.Embedding embedded() {
      if (failure != null) {
        throw failure;
      }
      return embedding;
    }

    /** The precertificate's TBS, for comparing with the one the second run builds. */
    public boolean sameTbs(byte[] tbs) {
      return Arrays.equals(
          tbs,
          org.pkiaas.x509.Der.encoded(
              pending.precertificate().toASN1Structure().getTBSCertificate()));
    }
  }

  private static final class Round {
    private Answered answered;

    /** What earlier rounds of this run computed, by what from ({@link #reused}). */
    private final Map<Computed, Object> computed = new HashMap<>();
  }

  private record Computed(String what, ByteBuffer from) {}

  /**
   * @return what {@code transaction} returns, once it has issued with the logs' SCTs or without CT
   */
  public <T> T run(Supplier<T> transaction) {
    if (transactions.getTransactionKey() != null) {
      throw new IllegalStateException("CT logs must be waited on outside a transaction");
    }
    Round outer = CURRENT.get();
    Round round = new Round();
    CURRENT.set(round);
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return transaction.get();
        } catch (PrecertificateReady ready) {
          if (attempt == ROUNDS) {
            throw new ConflictException(
                "The request changed while the CT logs were answering; try again");
          }
          round.answered = ask(ready.pending());
        }
      }
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  private Answered ask(PrecertificateReady.Pending pending) {
    try {
      return new Answered(
          pending,
          transparency.embed(
              pending.settings(),
              pending.precertificate(),
              pending.issuer(),
              pending.issuers(),
              pending.caId(),
              pending.templateId(),
              pending.requestId(),
              pending.channel()),
          null);
    } catch (TransparencyFailure failure) {
      return new Answered(pending, null, failure);
    }
  }

  /**
   * What {@code computation} makes of {@code input}, computed once per {@link #run}: a later round
   * of the same run on this thread gets the first round's result instead of paying again (such as
   * parsing a CSR and verifying its signature). Outside a run, computes every time.
   *
   * <p>Only for a pure function of the bytes, whose result is immutable: the key is the exact bytes
   * (copied), so a round that sees other bytes computes afresh. A computation that throws leaves
   * nothing behind.
   *
   * @param what names the computation, so two kinds of result from the same bytes never mix
   */
  public static <T> T reused(String what, byte[] input, Class<T> type, Supplier<T> computation) {
    Round round = CURRENT.get();
    if (round == null) {
      return computation.get();
    }
    Computed key = new Computed(what, ByteBuffer.wrap(input.clone()));
    Object known = round.computed.get(key);
    if (known != null) {
      return type.cast(known);
    }
    T result = computation.get();
    round.computed.put(key, result);
    return result;
  }

  /**
   * The logs' answers for {@code pending}, asked from inside the issuing transaction while a place
   * among {@code pkiaas.ct.transactions-waiting} is free. Inside {@link #run} with every place
   * taken, ends this round with {@link PrecertificateReady} instead, so that {@code run} asks the
   * logs with no transaction open and runs the transaction again. Outside {@code run}, and for a
   * caller with no transaction open (the one call signs in none), asks here and takes no place:
   * such a caller holds no connection while the logs answer.
   *
   * @throws TransparencyFailure too few valid SCTs; the attempt is recorded
   */
  public CertificateTransparency.Embedding embed(PrecertificateReady.Pending pending) {
    Round round = CURRENT.get();
    if (round == null) {
      return ask(pending).embedded();
    }
    if (transactions.getTransactionKey() == null) {
      round.answered = ask(pending);
      return round.answered.embedded();
    }
    if (!waiting.tryAcquire()) {
      throw new PrecertificateReady(pending);
    }
    try {
      round.answered = ask(pending);
    } finally {
      waiting.release();
    }
    return round.answered.embedded();
  }

  /**
   * The SCTs of {@code sctList} as this run's logs' answers verified them, when that extension is
   * the very one the previous round's answers made for this CA and template, so the certificate
   * carrying it was issued with them (its TBS checked against the precertificate's); else null.
   */
  public static List<EmbeddedTimestamps.Embedded> verifiedAtIssuance(
      Extension sctList, String caId, String templateId) {
    Answered answered = answered();
    if (answered == null
        || answered.embedding() == null
        || !answered.answers(caId, templateId)
        || !answered.embedding().sctList().equals(sctList)) {
      return null;
    }
    return EmbeddedScts.verifiedAtIssuance(
        SctList.of(new Extensions(sctList)), answered.pending().settings().logs());
  }

  /** The logs' answers for the previous round of this thread's issuance, or null. */
  public static Answered answered() {
    Round round = CURRENT.get();
    return round == null ? null : round.answered;
  }
}
