package org.pkiaas.ca.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * AIA caIssuers fetching: no metadata addresses, and one deadline for everything, the body
 * included.
 */
class AiaFetcherTest {

  @Test
  void linkLocalAndMetadataAddressesAreNotFetched() {
    long start = System.nanoTime();
    assertEquals(
        List.of(),
        AiaFetcher.fetch("http://169.254.169.254/latest/meta-data/", Duration.ofSeconds(5)));
    assertEquals(List.of(), AiaFetcher.fetch("http://[fe80::1]/ca.crt", Duration.ofSeconds(5)));
    assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused without trying to connect");
  }

  @Test
  void aRedirectToAMetadataAddressIsNotFollowed() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.start();
    try {
      assertEquals(
          List.of(),
          AiaFetcher.fetch(
              "http://127.0.0.1:" + server.getAddress().getPort() + "/ca.crt",
              Duration.ofSeconds(5)));
      assertEquals(1, requests.get());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aBodyThatTricklesEndsAtTheDeadline() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write('-');
              out.flush();
              Thread.sleep(100);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (java.io.IOException closed) {
            // the fetcher gave up
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    try {
      long start = System.nanoTime();
      assertEquals(
          List.of(),
          AiaFetcher.fetch(
              "http://127.0.0.1:" + server.getAddress().getPort() + "/ca.crt",
              Duration.ofSeconds(1)));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 3000, "gave up after " + millis + " ms");
    } finally {
      server.stop(0);
    }
  }
}
