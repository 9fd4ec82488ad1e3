package org.pkiaas.hsm.agent;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.hsm.link.LinkMessage.BatchItem;
import org.pkiaas.hsm.link.LinkMessage.SignRequest;
import org.pkiaas.hsm.link.LinkMessage.SignResponse;
import org.pkiaas.hsm.link.SignatureScheme;

/**
 * Signs the digests of a batch on the token, spread over the calling thread and a few worker
 * threads ({@code workers} threads in all), and hands the answers on once the last of them is
 * signed, so the batch is answered in one message. The caller takes the first share itself: one
 * thread less to wake per batch, and it starts signing at once.
 *
 * <p>Each worker keeps its {@link Signature} objects, initialised once with the CA key: after
 * {@code sign()} a JCA signature is ready to sign again with the same key. Once {@link #finish} has
 * begun the workers take no new work, and a batch that arrives then is signed on the caller's
 * thread: a batch once opened is always answered.
 */
final class BatchSigner {

  private static final Logger LOG = Logger.getLogger(BatchSigner.class.getName());

  private final Provider provider;
  private final PrivateKey caKey;
  private final int workers;
  private final ExecutorService pool;
  private final ThreadLocal<Map<SignatureScheme, Signature>> signatures =
      ThreadLocal.withInitial(() -> new EnumMap<>(SignatureScheme.class));

  BatchSigner(Provider provider, PrivateKey caKey, int workers) {
    this.provider = provider;
    this.caKey = caKey;
    this.workers = Math.max(1, workers);
    AtomicInteger number = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, workers - 1),
            task -> new Thread(task, "iot-hsm-signer-" + number.incrementAndGet()));
  }

  /**
   * Signs every request of a batch, a share of them on this thread; {@code answered} gets the
   * responses, in the batch's order, on the thread that signed the last of them.
   */
  void sign(List<BatchItem> items, Consumer<SignResponse[]> answered) {
    SignResponse[] answers = new SignResponse[items.size()];
    AtomicInteger unsigned = new AtomicInteger(items.size());
    int shares = Math.min(workers, items.size());
    Runnable own = null;
    for (int share = 0; share < shares; share++) {
      int first = share;
      Runnable work =
          () -> {
            for (int i = first; i < answers.length; i += shares) {
              answers[i] = sign(items.get(i));
              // the last decrement sees every answer written before the others' decrements
              if (unsigned.decrementAndGet() == 0) {
                answered.accept(answers);
              }
            }
          };
      if (share == 0) {
        own = work;
        continue;
      }
      try {
        pool.execute(work);
      } catch (RejectedExecutionException finishing) {
        work.run();
      }
    }
    own.run();
  }

  private SignResponse sign(BatchItem item) {
    SignRequest body = item.request();
    Map<SignatureScheme, Signature> mine = signatures.get();
    try {
      // taken out while in use: one that fails is not used again
      Signature signature = mine.remove(body.scheme());
      if (signature == null) {
        signature = Signature.getInstance(body.scheme().rawJcaName(), provider);
        signature.initSign(caKey);
      }
      signature.update(body.scheme().rawInput(body.digest()));
      byte[] signed = signature.sign();
      mine.put(body.scheme(), signature);
      return new SignResponse(item.id(), signed, "");
    } catch (GeneralSecurityException | RuntimeException e) {
      LOG.log(Level.WARNING, "The token could not sign", e);
      return new SignResponse(item.id(), new byte[0], "The token could not sign");
    }
  }

  /** Takes no new work on the workers, and waits up to {@code patience} for what they hold. */
  void finish(Duration patience) throws InterruptedException {
    pool.shutdown();
    pool.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
  }
}
