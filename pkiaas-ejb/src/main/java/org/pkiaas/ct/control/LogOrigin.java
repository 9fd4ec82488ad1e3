package org.pkiaas.ct.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a CT log's connections go: the scheme, host and port of its URL (RFC 9110 §4.3.1), and the
 * requests written to it.
 */
record LogOrigin(boolean tls, String host, int port) {

  static LogOrigin of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("not an http(s) URL");
    }
    boolean tls = scheme.equals("https");
    String host = uri.getHost();
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    return new LogOrigin(tls, host, uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80);
  }

  String authority() {
    String name = host.contains(":") ? "[" + host + "]" : host;
    return port == (tls ? 443 : 80) ? name : name + ":" + port;
  }

  /** A POST of {@code json} to {@code path} here: its head and body (RFC 9112 §3, §6.2). */
  byte[] post(String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + authority()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }
}
