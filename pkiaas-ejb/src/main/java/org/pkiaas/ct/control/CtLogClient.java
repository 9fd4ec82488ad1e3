package org.pkiaas.ct.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pkiaas.network.OutboundAddresses;

/**
 * Submits chains to CT logs (RFC 6962 §4.1 {@code add-chain}, §4.2 {@code add-pre-chain}) from the
 * issuing thread, in two steps, so that several logs are asked at once without a thread of their
 * own: {@link #addPreChain} connects (or takes a kept-alive connection) and sends the request;
 * {@link Submission#answer()} reads what the log answered. A caller sends to every log first and
 * then reads each answer, so the logs work in parallel and their answers cost the caller the reads
 * and nothing else: no hand-over to other threads, which on a machine of two cores cost more CPU
 * than the exchange itself (docs/BENCHMARKS.md, 2026-12-06).
 *
 * <p>Each submission has its own deadline, counted from a moment the caller gives (the start of the
 * issuance's submissions), and a watchdog closes the connection of a log that has not answered by
 * then, however slowly it sends; the answer body is read up to {@link CtJson#MAX_ANSWER_BYTES}. Log
 * hosts are held to the server's outbound address rules ({@link OutboundAddresses}). HTTP/1.1, no
 * proxy, no redirects, as before with {@code java.net.http}.
 */
public class CtLogClient {

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

  /** When a submission must have its answer: a length counted from a start ({@code nanoTime}). */
  public record Deadline(Duration length, long startNanos) {

    /** {@code length} from now. */
    public static Deadline in(Duration length) {
      return new Deadline(length, System.nanoTime());
    }

    long remainingMillis() {
      return Math.max(
          0, length.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    String missed() {
      return "no answer within " + length.toMillis() + " ms";
    }
  }

  private final ScheduledExecutorService watchdog;
  private final Duration connectTimeout;

  /**
   * @param watchdog bounded; closes the connections of logs past their deadline
   */
  public CtLogClient(ScheduledExecutorService watchdog, Duration connectTimeout) {
    this.watchdog = watchdog;
    this.connectTimeout = connectTimeout;
  }

  /** Sends {@code POST <log>/ct/v1/add-pre-chain}: the precertificate, then its issuer chain. */
  public Submission addPreChain(String logUrl, List<byte[]> chain, Deadline deadline) {
    return post(logUrl, "add-pre-chain", chain, deadline);
  }

  /** Sends {@code POST <log>/ct/v1/add-chain}: a final certificate, then its issuer chain. */
  public Submission addChain(String logUrl, List<byte[]> chain, Deadline deadline) {
    return post(logUrl, "add-chain", chain, deadline);
  }

  /** A request sent to a log, or one that could not be; its answer is read on demand. */
  public final class Submission {

    private final String logUrl;
    private final Deadline deadline;
    private final HttpURLConnection connection;
    private final Answer failed;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean expired;
    private final ScheduledFuture<?> timer;

    private Submission(String logUrl, Deadline deadline, HttpURLConnection connection) {
      this.logUrl = logUrl;
      this.deadline = deadline;
      this.connection = connection;
      this.failed = null;
      this.timer = schedule(deadline.remainingMillis());
    }

    private Submission(String logUrl, Answer failed) {
      this.logUrl = logUrl;
      this.deadline = null;
      this.connection = null;
      this.failed = failed;
      this.timer = null;
    }

    private ScheduledFuture<?> schedule(long millis) {
      try {
        return watchdog.schedule(this::expire, millis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        return null; // shutting down: the socket's read timeout still holds
      }
    }

    private void expire() {
      if (finished.compareAndSet(false, true)) {
        expired = true;
        connection.disconnect();
      }
    }

    /** What the log answered, waiting at most until the deadline; never thrown. */
    public Answer answer() {
      if (failed != null) {
        return failed;
      }
      try {
        int status = connection.getResponseCode();
        InputStream stream =
            status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        byte[] body = stream == null ? new byte[0] : stream.readNBytes(CtJson.MAX_ANSWER_BYTES + 1);
        if (body.length > CtJson.MAX_ANSWER_BYTES) {
          stop();
          return failure("the answer is longer than " + CtJson.MAX_ANSWER_BYTES + " bytes");
        }
        if (!finished.compareAndSet(false, true)) {
          return failure(deadline.missed());
        }
        cancelTimer();
        if (stream != null) {
          stream.close(); // the whole answer read: the connection may be kept alive
        }
        return new Answer(logUrl, status, new String(body, StandardCharsets.UTF_8), null);
      } catch (IOException | RuntimeException e) {
        stop();
        return failure(expired ? deadline.missed() : describe(e, deadline));
      }
    }

    private void stop() {
      if (finished.compareAndSet(false, true)) {
        cancelTimer();
        connection.disconnect();
      }
    }

    private void cancelTimer() {
      if (timer != null) {
        timer.cancel(false);
      }
    }

    private Answer failure(String why) {
      return new Answer(logUrl, 0, "", why);
    }
  }

  private Submission post(String logUrl, String method, List<byte[]> chain, Deadline deadline) {
    URI uri;
    try {
      uri = URI.create(logUrl.replaceAll("/+$", "") + "/ct/v1/" + method);
      if (uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))
          || Arrays.stream(InetAddress.getAllByName(uri.getHost()))
              .anyMatch(OutboundAddresses::refused)) {
        return failed(logUrl, "the log's address is not one the server connects to");
      }
    } catch (IllegalArgumentException e) {
      return failed(logUrl, "the log URL is not a URI");
    } catch (UnknownHostException e) {
      return failed(logUrl, "the log's host name is unknown");
    }
    long remaining = deadline.remainingMillis();
    if (remaining == 0) {
      return failed(logUrl, deadline.missed());
    }
    byte[] body = CtJson.addChainRequest(chain).getBytes(StandardCharsets.UTF_8);
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      connection.setConnectTimeout((int) Math.min(connectTimeout.toMillis(), remaining));
      // each read waits at most the time left now; the watchdog ends the whole exchange on time
      connection.setReadTimeout((int) remaining);
      connection.setRequestMethod("POST");
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setDoOutput(true);
      // sent as it is written, not held back until the answer is asked for
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      return new Submission(logUrl, deadline, connection);
    } catch (IOException | RuntimeException e) {
      if (connection != null) {
        connection.disconnect();
      }
      return failed(logUrl, describe(e, deadline));
    }
  }

  private Submission failed(String logUrl, String why) {
    return new Submission(logUrl, new Answer(logUrl, 0, "", why));
  }

  private static String describe(Exception failure, Deadline deadline) {
    if (failure instanceof SocketTimeoutException) {
      return deadline.missed();
    }
    if (failure instanceof ConnectException) {
      return "connection refused";
    }
    return "unreachable (" + failure.getClass().getSimpleName() + ")";
  }
}
