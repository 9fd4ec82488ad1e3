package org.pkiaas.ct.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.pkiaas.network.OutboundAddresses;

/**
 * Opens new connections to CT logs and writes their first request, on the {@code connector}: at
 * most {@value #OPENING_PER_LOG} at once per log, the others waiting for them in turn (up to
 * {@value #WAITING_PER_LOG}), so that a log whose host does not answer holds a few of the
 * connector's threads, not all of them (only as many such logs as the connector has threads,
 * divided by {@value #OPENING_PER_LOG}, hold them all). A turn that comes after its submission's
 * deadline is skipped.
 */
final class LogDialer {

  /** New connections being opened to one log at once. */
  static final int OPENING_PER_LOG = 4;

  /** New connections waiting for their turn per log; past that, a submission fails at once. */
  static final int WAITING_PER_LOG = 1024;

  private final Duration connectTimeout;
  private final Executor connector;
  private final ScheduledExecutorService watchdog;
  private final SSLSocketFactory tls;
  private final ConcurrentHashMap<LogOrigin, Turns> turns = new ConcurrentHashMap<>();

  LogDialer(
      Duration connectTimeout,
      Executor connector,
      ScheduledExecutorService watchdog,
      SSLSocketFactory tls) {
    this.connectTimeout = connectTimeout;
    this.connector = connector;
    this.watchdog = watchdog;
    this.tls = tls;
  }

  /** A new connection to {@code origin} with {@code request} written on it. */
  CompletableFuture<LogConnection> openAndSend(LogOrigin origin, byte[] request, long due) {
    Turns queue = turns.computeIfAbsent(origin, o -> new Turns());
    Opening opening = new Opening(queue, origin, request, due);
    if (!queue.offer(opening)) {
      opening.opened.completeExceptionally(
          new LogFailure("too many connections to the log are waiting to be opened"));
    }
    return opening.opened;
  }

  /**
   * Resolves the log's name, holds every address to the server's outbound rules ({@link
   * OutboundAddresses}), connects to the first that answers (within the connect timeout and the
   * deadline) and, for {@code https}, completes the TLS handshake under the log's name, guarded by
   * the watchdog.
   */
  LogConnection open(LogOrigin origin, long due) throws IOException {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(origin.host());
    } catch (UnknownHostException e) {
      throw new LogFailure("the log's host name is unknown");
    }
    if (Arrays.stream(addresses).anyMatch(OutboundAddresses::refused)) {
      throw new LogFailure("the log's address is not one the server connects to");
    }
    IOException last = new SocketTimeoutException();
    for (InetAddress address : addresses) {
      long left = due - System.nanoTime();
      if (left <= 0) {
        break;
      }
      Socket raw = new Socket();
      try {
        raw.setTcpNoDelay(true);
        // the address just checked, not the name again: it could resolve elsewhere by now
        raw.connect(
            new InetSocketAddress(address, origin.port()),
            CtLogClient.millis(Math.min(connectTimeout.toNanos(), left)));
      } catch (IOException e) {
        LogConnection.close(raw);
        last = e;
        continue; // the next address, while time is left
      }
      try {
        if (!origin.tls()) {
          return new LogConnection(raw, raw);
        }
        LogConnection connection = new LogConnection(raw, secured(raw, origin));
        connection.guard(watchdog, due);
        connection.handshake(due);
        return connection;
      } catch (IOException | RuntimeException e) {
        LogConnection.close(raw); // and with it the guard's socket, if it had one
        throw e;
      }
    }
    throw last;
  }

  private Socket secured(Socket raw, LogOrigin origin) throws IOException {
    SSLSocket secured = (SSLSocket) tls.createSocket(raw, origin.host(), origin.port(), true);
    SSLParameters parameters = secured.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // RFC 9110 §4.3.4: the log's name
    parameters.setApplicationProtocols(new String[] {"http/1.1"});
    secured.setSSLParameters(parameters);
    return secured;
  }

  /** One new connection to open, run on the connector in its turn. */
  private final class Opening implements Runnable {

    final Turns queue;
    final LogOrigin origin;
    final byte[] request;
    final long due;
    final CompletableFuture<LogConnection> opened = new CompletableFuture<>();

    Opening(Turns queue, LogOrigin origin, byte[] request, long due) {
      this.queue = queue;
      this.origin = origin;
      this.request = request;
      this.due = due;
    }

    @Override
    public void run() {
      try {
        if (due - System.nanoTime() <= 0) {
          throw new SocketTimeoutException(); // its turn came too late
        }
        LogConnection connection = open(origin, due);
        try {
          connection.send(request);
          connection.unguard(); // armed again when the answer is read
        } catch (IOException | RuntimeException e) {
          connection.closeQuietly();
          throw e;
        }
        opened.complete(connection);
      } catch (IOException | RuntimeException e) {
        opened.completeExceptionally(e);
      } finally {
        queue.start(queue.next());
      }
    }
  }

  /** One log's openings: those under way, and those waiting for their turn. */
  private final class Turns {

    private final ArrayDeque<Opening> waiting = new ArrayDeque<>();
    private int running;

    /** Starts {@code opening}, or queues it; false when the queue is full. */
    boolean offer(Opening opening) {
      synchronized (this) {
        if (running >= OPENING_PER_LOG) {
          return waiting.size() < WAITING_PER_LOG && waiting.add(opening);
        }
        running++;
      }
      start(opening);
      return true;
    }

    /** An opening has ended: the one waiting longest, which takes its place, or null. */
    Opening next() {
      synchronized (this) {
        Opening opening = waiting.poll();
        if (opening == null) {
          running--;
        }
        return opening;
      }
    }

    /**
     * Hands {@code opening} (holding a place) to the connector. One it cannot take fails alone and
     * passes its place on, so no place is held for ever.
     */
    void start(Opening opening) {
      for (Opening current = opening; current != null; current = next()) {
        try {
          connector.execute(current);
          return;
        } catch (RuntimeException | Error e) {
          // refused (full, or shutting down), or no thread could be started
          current.opened.completeExceptionally(
              new LogFailure("the server is opening too many connections to logs at once"));
        }
      }
    }
  }
}
