package org.pkiaas.ct.control;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which kept connections go out again, and which are closed. */
class IdleConnectionsTest {

  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
  private final List<Socket> accepted = new ArrayList<>();
  private ServerSocket server;
  private LogOrigin origin;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    origin = LogOrigin.of(URI.create("http://127.0.0.1:" + server.getLocalPort()));
  }

  @AfterEach
  void stop() throws IOException {
    watchdog.shutdownNow();
    for (Socket socket : accepted) {
      socket.close();
    }
    server.close();
  }

  private LogConnection connection() throws Exception {
    LogConnection connection =
        new LogDialer(
                Duration.ofSeconds(2),
                Runnable::run,
                watchdog,
                (SSLSocketFactory) SSLSocketFactory.getDefault())
            .open(origin, System.nanoTime() + Duration.ofSeconds(2).toNanos());
    accepted.add(server.accept());
    return connection;
  }

  /** Whether the log's end sees its connection closed. */
  private boolean closedAtTheLog(int index) throws IOException {
    Socket socket = accepted.get(index);
    socket.setSoTimeout(1000);
    return socket.getInputStream().read() == -1;
  }

  @Test
  void theLastKeptGoesOutFirst() throws Exception {
    IdleConnections idle = new IdleConnections();
    LogConnection older = connection();
    LogConnection newer = connection();
    idle.keep(origin, older);
    idle.keep(origin, newer);

    assertSame(newer, idle.take(origin));
    assertSame(older, idle.take(origin));
    assertNull(idle.take(origin));
  }

  @Test
  void aConnectionIdleTooLongIsClosedNotTaken() throws Exception {
    IdleConnections idle = new IdleConnections(Duration.ofMillis(50));
    idle.keep(origin, connection());
    Thread.sleep(80);

    assertNull(idle.take(origin));
    assertTrue(closedAtTheLog(0));
  }

  @Test
  void theSweepClosesConnectionsIdleTooLongAndKeepsTheOthers() throws Exception {
    IdleConnections idle = new IdleConnections(Duration.ofMillis(200));
    LogConnection old = connection();
    idle.keep(origin, old);
    Thread.sleep(250);
    LogConnection fresh = connection();
    idle.keep(origin, fresh);

    idle.sweep();

    assertTrue(closedAtTheLog(0), "the old connection is closed");
    assertSame(fresh, idle.take(origin));
  }

  @Test
  void onlyTheLimitIsKeptAndNothingAfterClose() throws Exception {
    IdleConnections idle = new IdleConnections();
    for (int i = 0; i <= IdleConnections.MAX_IDLE; i++) {
      idle.keep(origin, connection());
    }
    assertTrue(closedAtTheLog(IdleConnections.MAX_IDLE), "one past the limit is closed");

    idle.close();
    assertTrue(closedAtTheLog(0));
    LogConnection late = connection();
    idle.keep(origin, late);
    assertNull(idle.take(origin));
    assertTrue(closedAtTheLog(IdleConnections.MAX_IDLE + 1));
  }
}
