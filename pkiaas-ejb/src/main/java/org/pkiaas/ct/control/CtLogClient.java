package org.pkiaas.ct.control;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.pkiaas.network.OutboundAddresses;

/**
 * Submits chains to CT logs (RFC 6962 §4.1 {@code add-chain}, §4.2 {@code add-pre-chain}) over
 * HTTP/1.1 (RFC 9112), in cleartext or TLS, each submission with its own deadline.
 *
 * <p>On a connection kept from an earlier submission ({@link IdleConnections}) the request is
 * written when the submission is made, and the answer read when it is asked for, both on the
 * caller's thread: a caller that submits to every log first and then reads the answers one after
 * the other has all its logs working at once, and waits as long as the slowest log, or its
 * deadline. No other thread touches such an exchange, so an answer wakes only the thread that waits
 * for it. A kept connection that the log has closed meanwhile, or timed out with a 408, costs one
 * more attempt on a new connection (RFC 9112 §9.3.1; a log takes the same submission twice without
 * harm, RFC 6962 §4.1). Opening a connection ({@link LogDialer}: resolving the name, holding the
 * addresses to the server's outbound rules of {@link OutboundAddresses}, connecting, the TLS
 * handshake) and writing its first request run on the {@code connector}, a few at once per log, so
 * that a log slow to accept holds back neither the requests to the others nor all of the connector.
 * The caller waits for nothing past the deadline (and {@link LogConnection#GRACE} for an answer
 * that has arrived); a log that is still sending then loses its connection.
 */
public class CtLogClient implements AutoCloseable {

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

  /** A request on its way to a log; its answer is read on the thread that asks for it. */
  public interface Submission {

    /**
     * Waits for the answer, at most until the submission's deadline; the same answer again later.
     */
    Answer answer();
  }

  /** Log URLs parsed once each, up to this many (a log list holds a few dozen). */
  private static final int MAX_TARGETS = 1024;

  private final ScheduledExecutorService watchdog;
  private final LogDialer dialer;
  private final ConcurrentHashMap<String, Target> targets = new ConcurrentHashMap<>();
  private final IdleConnections idle = new IdleConnections();
  private final ScheduledFuture<?> sweeping;

  /**
   * @param connector opens connections and writes their first request; a task it refuses fails that
   *     one submission
   * @param watchdog closes TLS connections whose exchange outlives its deadline, and idle
   *     connections kept too long
   * @param tls the sockets for {@code https} logs (the server's: the JVM's default trust)
   */
  public CtLogClient(
      Duration connectTimeout,
      Executor connector,
      ScheduledExecutorService watchdog,
      SSLSocketFactory tls) {
    this.watchdog = watchdog;
    this.dialer = new LogDialer(connectTimeout, connector, watchdog, tls);
    long every = IdleConnections.IDLE_LIMIT.toMillis();
    this.sweeping =
        watchdog.scheduleWithFixedDelay(idle::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  /** {@code POST <log>/ct/v1/add-pre-chain}: the precertificate, then its issuer chain. */
  public Submission addPreChain(String logUrl, List<byte[]> chain, Duration deadline) {
    return submit(logUrl, "add-pre-chain", chain, deadline);
  }

  /** {@code POST <log>/ct/v1/add-chain}: a final certificate, then its issuer chain. */
  public Submission addChain(String logUrl, List<byte[]> chain, Duration deadline) {
    return submit(logUrl, "add-chain", chain, deadline);
  }

  /** Closes the idle connections; submissions under way end on their own. */
  @Override
  public void close() {
    sweeping.cancel(false);
    idle.close();
  }

  private Submission submit(String logUrl, String method, List<byte[]> chain, Duration deadline) {
    long due = System.nanoTime() + deadline.toNanos();
    Target target = targets.get(logUrl);
    if (target == null) {
      target = Target.of(logUrl);
      if (targets.size() < MAX_TARGETS) {
        targets.put(logUrl, target);
      }
    }
    if (target.origin() == null) {
      Answer refused = failed(logUrl, "the log URL is not an http or https URL");
      return () -> refused;
    }
    LogOrigin origin = target.origin();
    String path = target.base() + "/ct/v1/" + method;
    Exchange exchange =
        new Exchange(
            logUrl, origin, origin.post(path, CtJson.addChainRequest(chain)), due, deadline);
    LogConnection kept = idle.take(origin);
    if (kept != null) {
      try {
        kept.guard(watchdog, due);
        kept.send(exchange.request);
        kept.unguard(); // armed again when the answer is read
        exchange.pending = CompletableFuture.completedFuture(kept);
        exchange.mayRetry = true;
        return exchange;
      } catch (IOException | RuntimeException e) {
        kept.closeQuietly(); // closed by the log meanwhile: a new connection takes the request
      }
    }
    exchange.pending = dialer.openAndSend(origin, exchange.request, due);
    return exchange;
  }

  /** A log URL, parsed: where its connections go, and the path its methods hang under. */
  private record Target(LogOrigin origin, String base) {

    /** The target of {@code logUrl}; a null origin when it is not an http or https URL. */
    static Target of(String logUrl) {
      int end = logUrl.length();
      while (end > 0 && logUrl.charAt(end - 1) == '/') {
        end--;
      }
      try {
        URI uri = new URI(logUrl.substring(0, end));
        return new Target(LogOrigin.of(uri), uri.getRawPath() == null ? "" : uri.getRawPath());
      } catch (URISyntaxException | IllegalArgumentException e) {
        return new Target(null, null);
      }
    }
  }

  /** One submission: its request, and the connection that carries it once there is one. */
  private final class Exchange implements Submission {

    private final String logUrl;
    private final LogOrigin origin;
    private final byte[] request;
    private final long due;
    private final Duration deadline;
    private CompletableFuture<LogConnection> pending;
    private boolean mayRetry;
    private Answer answer;

    Exchange(String logUrl, LogOrigin origin, byte[] request, long due, Duration deadline) {
      this.logUrl = logUrl;
      this.origin = origin;
      this.request = request;
      this.due = due;
      this.deadline = deadline;
    }

    @Override
    public Answer answer() {
      if (answer == null) {
        answer = exchange();
      }
      return answer;
    }

    private Answer exchange() {
      while (true) {
        LogConnection connection;
        try {
          connection = pending.get(Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // the connection, should it still open, is not kept: its request has no reader
          pending.thenAccept(LogConnection::closeQuietly);
          return failed(logUrl, describe(new SocketTimeoutException(), deadline));
        } catch (ExecutionException e) {
          return failed(logUrl, describe(e.getCause(), deadline), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          pending.thenAccept(LogConnection::closeQuietly);
          return failed(logUrl, "interrupted");
        }
        try {
          connection.guard(watchdog, Math.max(due, System.nanoTime()));
          LogConnection.Response response = connection.response(due);
          connection.unguard();
          if (!(mayRetry && response.status() == 408)) {
            if (response.reusable()) {
              idle.keep(origin, connection);
            } else {
              connection.closeQuietly();
            }
            return new Answer(logUrl, response.status(), response.body(), null);
          }
          connection.closeQuietly(); // the log timed the kept connection out (RFC 9110 §15.5.9)
        } catch (IOException | RuntimeException e) {
          connection.unguard();
          connection.closeQuietly();
          boolean late = System.nanoTime() - due >= 0;
          if (late || !mayRetry || !connection.nothingRead()) {
            Throwable why = late ? new SocketTimeoutException() : e;
            return failed(logUrl, describe(why, deadline), e);
          }
        }
        mayRetry = false;
        pending = dialer.openAndSend(origin, request, due);
      }
    }
  }

  private static Answer failed(String logUrl, String why) {
    return new Answer(logUrl, 0, "", why);
  }

  /** The requester is told {@code why}; the administrator's record also keeps {@code cause}. */
  private static Answer failed(String logUrl, String why, Throwable cause) {
    boolean told = cause instanceof LogFailure || cause.getMessage() == null;
    return new Answer(logUrl, 0, told ? "" : cause.getMessage(), why);
  }

  private static String describe(Throwable failure, Duration deadline) {
    if (failure instanceof LogFailure) {
      return failure.getMessage();
    }
    if (failure instanceof SocketTimeoutException) {
      return "no answer within " + deadline.toMillis() + " ms";
    }
    if (failure instanceof ConnectException) {
      return "connection refused";
    }
    if (failure instanceof SSLException) {
      return "TLS failed (" + failure.getClass().getSimpleName() + ")";
    }
    return "unreachable (" + failure.getClass().getSimpleName() + ")";
  }

  /** At least a millisecond: a socket timeout of 0 would wait for ever. */
  static int millis(long nanos) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos)));
  }
}
