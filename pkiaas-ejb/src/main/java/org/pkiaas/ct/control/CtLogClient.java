package org.pkiaas.ct.control;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.network.OutboundAddresses;

/**
 * Submits chains to CT logs (RFC 6962 §4.1 {@code add-chain}, §4.2 {@code add-pre-chain}). Each
 * submission has its own deadline; the answer body is read up to {@link CtJson#MAX_ANSWER_BYTES}.
 * Nothing here blocks a caller's thread: callers wait on the futures, at most until the deadline.
 * Log hosts are held to the server's outbound address rules ({@link OutboundAddresses}).
 *
 * <p>The HTTP client runs its own tasks on the thread that hands them over (its selector thread, or
 * the caller's while a request is sent): its work per exchange is non-blocking (writing the
 * request, parsing the answer, copying the body's bytes), so it needs no pool of its own. That
 * spares every answer the hand-over to a pool thread, and leaves nothing that could refuse a task:
 * before the fix of JDK-8277969 (not in 17.0.15), an executor that rejects one stops the client's
 * selector for good, and every later submission to any log waits out its deadline. The selector
 * thread also runs the TLS handshakes with HTTPS logs; with the JVM's defaults (no revocation
 * checking for outbound TLS) they do no I/O of their own, so no log's handshake waits on the
 * network while another log's answer is due. The client completes each answer on {@code
 * CompletableFuture}'s default executor, the common pool, where the callers' dependent steps
 * (reading and verifying the SCT) run. A slow or dead log holds no thread at all: its deadline
 * ({@link CompletableFuture#orTimeout}) ends its submission on the JDK's timer thread, which aborts
 * the exchange.
 */
public class CtLogClient {

  private static final Logger LOG = Logger.getLogger(CtLogClient.class.getName());

  /** What a log answered, or why it did not; never thrown. */
  public record Answer(String logUrl, int httpStatus, String body, String failure) {

    public boolean ok() {
      return failure == null && httpStatus == 200;
    }

    /**
     * What the requester may be told: the status or the failure, never the body (a log URL could
     * point at a service that only the server reaches).
     */
    public String summary() {
      return failure != null ? failure : "HTTP " + httpStatus;
    }

    /** For the administrator's record: the summary and the start of the body. */
    public String withBody() {
      String text = body.length() > 300 ? body.substring(0, 300) + "…" : body.strip();
      return text.isEmpty() ? summary() : summary() + ": " + text;
    }
  }

  private final HttpClient http;

  public CtLogClient(Duration connectTimeout) {
    this.http =
        HttpClient.newBuilder()
            .executor(CtLogClient::runHere)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** {@code POST <log>/ct/v1/add-pre-chain}: the precertificate, then its issuer chain. */
  public CompletableFuture<Answer> addPreChain(
      String logUrl, List<byte[]> chain, Duration deadline) {
    return post(logUrl, "add-pre-chain", chain, deadline);
  }

  /** {@code POST <log>/ct/v1/add-chain}: a final certificate, then its issuer chain. */
  public CompletableFuture<Answer> addChain(String logUrl, List<byte[]> chain, Duration deadline) {
    return post(logUrl, "add-chain", chain, deadline);
  }

  private CompletableFuture<Answer> post(
      String logUrl, String method, List<byte[]> chain, Duration deadline) {
    URI uri;
    try {
      uri = URI.create(logUrl.replaceAll("/+$", "") + "/ct/v1/" + method);
      if (uri.getHost() == null
          || Arrays.stream(InetAddress.getAllByName(uri.getHost()))
              .anyMatch(OutboundAddresses::refused)) {
        return failed(logUrl, "the log's address is not one the server connects to");
      }
    } catch (IllegalArgumentException e) {
      return failed(logUrl, "the log URL is not a URI");
    } catch (UnknownHostException e) {
      return failed(logUrl, "the log's host name is unknown");
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // HTTP/1.1 in cleartext (RFC 9113 §3.1 deprecates the h2c upgrade), so that the client does
      // not look for an HTTP/2 connection to the log before every exchange
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    HttpRequest request =
        builder
            .timeout(deadline)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(CtJson.addChainRequest(chain)))
            .build();
    CompletableFuture<HttpResponse<String>> exchange =
        http.sendAsync(request, info -> new LimitedBody(CtJson.MAX_ANSWER_BYTES));
    return exchange
        .thenApply(r -> new Answer(logUrl, r.statusCode(), r.body(), null))
        .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            failure -> {
              // past the deadline the exchange is aborted (an HTTP/1.1 connection closed, an
              // HTTP/2 stream reset), not left open for a log that is still sending its answer
              exchange.cancel(true);
              return new Answer(logUrl, 0, "", describe(failure, deadline));
            });
  }

  /**
   * Runs a task of the HTTP client on the thread that hands it over. A task that throws costs its
   * own exchange (which still ends at its deadline), as it would on a pool thread; thrown on the
   * client's selector thread, it would stop the client for every log.
   */
  private static void runHere(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.log(Level.WARNING, "A CT log client task failed", e);
    }
  }

  private static CompletableFuture<Answer> failed(String logUrl, String why) {
    return CompletableFuture.completedFuture(new Answer(logUrl, 0, "", why));
  }

  private static String describe(Throwable failure, Duration deadline) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof java.util.concurrent.TimeoutException
        || cause instanceof java.net.http.HttpTimeoutException) {
      return "no answer within " + deadline.toMillis() + " ms";
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (cause instanceof BodyTooLong) {
      return "the answer is longer than " + CtJson.MAX_ANSWER_BYTES + " bytes";
    }
    return "unreachable (" + cause.getClass().getSimpleName() + ")";
  }

  private static final class BodyTooLong extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyTooLong() {
      super(null, null, false, false);
    }
  }

  /** Collects a body as UTF-8 text, cancelling the exchange once it grows past a limit. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new BodyTooLong());
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
