package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;

/**
 * Replays the hostile inputs of issue 13 against the deployed server, without signing in: each gets
 * its protocol's own error answer, small, and never a stack trace. Deeply nested DER to OCSP (POST
 * and GET) is {@code malformedRequest}; a 100 MB body is 413 with a problem document, answered
 * before the body is read.
 */
class HostileInputIT extends ServerIT {

  private static final long HUNDRED_MB = 100L * 1024 * 1024;
  private final StatusPki pki = new StatusPki(Api.newUser(), "Hostile Input Root");

  /** {@code depth} nested SEQUENCEs: indefinite lengths (two bytes a level) or definite ones. */
  static byte[] nested(int depth, boolean indefinite) {
    if (indefinite) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 0; i < depth; i++) {
        out.write(0x30);
        out.write(0x80);
      }
      for (int i = 0; i < depth; i++) {
        out.write(0);
        out.write(0);
      }
      return out.toByteArray();
    }
    byte[] inner = {0x05, 0x00};
    for (int i = 0; i < depth; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(0x30);
      int length = inner.length;
      if (length < 0x80) {
        out.write(length);
      } else if (length < 0x100) {
        out.write(0x81);
        out.write(length);
      } else {
        out.write(0x82);
        out.write(length >> 8);
        out.write(length);
      }
      out.writeBytes(inner);
      inner = out.toByteArray();
    }
    return inner;
  }

  private static void assertNoStackTrace(String text) {
    assertFalse(
        text.contains("Exception")
            || text.contains("\tat ")
            || text.contains(".java:")
            || text.contains("StackOverflow"),
        () -> "a stack trace leaked: " + text);
  }

  private static void assertMalformedRequest(Api.Reply reply) throws Exception {
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("application/ocsp-response", reply.contentType());
    assertTrue(
        reply.bytes().length < 100,
        "an OCSP error response is a few bytes, not " + reply.bytes().length);
    assertEquals(OCSPResp.MALFORMED_REQUEST, new OCSPResp(reply.bytes()).getStatus());
  }

  @Test
  void deeplyNestedDerToOcspPostIsMalformedRequest() throws Exception {
    assertMalformedRequest(pki.ocsp(nested(3000, false)));
    assertMalformedRequest(pki.ocsp(nested(3000, true)));
    // and a real request still works afterwards
    assertEquals(
        OCSPResp.SUCCESSFUL,
        StatusPki.response(pki.ocsp(pki.request(null, java.math.BigInteger.TEN))).getStatus());
  }

  @Test
  void deeplyNestedDerToOcspGetIsMalformedRequest() throws Exception {
    for (boolean indefinite : new boolean[] {true, false}) {
      String encoded =
          URLEncoder.encode(
              Base64.getEncoder().encodeToString(nested(3000, indefinite)),
              StandardCharsets.US_ASCII);
      assertMalformedRequest(Api.anonymous().get("/pki/ocsp/" + pki.caId + "/" + encoded));
    }
    assertMalformedRequest(Api.anonymous().get("/pki/ocsp/" + pki.caId + "/%25zz%25"));
  }

  /**
   * Sends the headers and {@code sent} bytes of body (in chunks when {@code chunked}), then reads
   * the answer. With a Content-Length, no body is sent at all: the answer must come from the
   * headers alone.
   */
  private static Answer rawPost(
      String path, String contentType, String lengthHeader, long sent, boolean chunked)
      throws IOException {
    URI base = URI.create(Api.BASE_URL);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + ":"
                  + base.getPort()
                  + "\r\nContent-Type: "
                  + contentType
                  + "\r\n"
                  + lengthHeader
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] block = new byte[64 * 1024];
      java.util.Arrays.fill(block, (byte) '{');
      try {
        for (long written = 0; written < sent; written += block.length) {
          if (chunked) {
            out.write(
                (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          }
          out.write(block);
          if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        }
        if (chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (SocketException e) {
        // the server answered and closed the connection before taking the rest: read what it said
      }
      return Answer.read(socket.getInputStream());
    }
  }

  /**
   * A raw HTTP/1.1 answer: status line and headers (lower-cased), and the body its framing
   * delimits.
   */
  record Answer(int status, String head, String body) {

    static Answer read(InputStream in) throws IOException {
      String head = line(in);
      StringBuilder headers = new StringBuilder(head);
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        headers.append('\n').append(line);
      }
      String all = headers.toString().toLowerCase(java.util.Locale.ROOT);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      java.util.regex.Matcher length =
          java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(all);
      if (length.find()) {
        body.writeBytes(in.readNBytes(Integer.parseInt(length.group(1))));
      } else if (all.contains("transfer-encoding: chunked")) {
        for (int size = Integer.parseInt(line(in).trim(), 16);
            size > 0;
            size = Integer.parseInt(line(in).trim(), 16)) {
          body.writeBytes(in.readNBytes(size));
          line(in);
        }
      } else {
        body.writeBytes(in.readAllBytes());
      }
      return new Answer(
          Integer.parseInt(head.substring(9, 12)), all, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    void assertTooLarge(String problemType) {
      assertRefused(413, problemType);
    }

    void assertRefused(int expected, String problemType) {
      assertEquals(expected, status, () -> head + "\n\n" + body);
      assertTrue(head.contains("content-type: application/problem+json"), head);
      assertTrue(body.contains("\"type\":\"" + problemType + "\""), body);
      assertTrue(body.contains("\"status\":" + expected), body);
      assertTrue(
          body.length() < 1000, "a short problem document, not " + body.length() + " characters");
      assertNoStackTrace(body);
    }
  }

  @Test
  void hundredMegabyteBodiesAre413WithAProblemEverywhere() throws Exception {
    String length = "Content-Length: " + HUNDRED_MB;
    long started = System.nanoTime();
    rawPost("/api/v1/cas", "application/json", length, 0, false)
        .assertTooLarge("https://pkiaas.org/problems/payload-too-large");
    rawPost("/pki/ocsp/" + pki.caId, "application/ocsp-request", length, 0, false)
        .assertTooLarge("https://pkiaas.org/problems/payload-too-large");
    rawPost("/pki/acme/new-order", "application/jose+json", length, 0, false)
        .assertTooLarge("urn:ietf:params:acme:error:malformed");
    rawPost("/login.xhtml", "application/x-www-form-urlencoded", length, 0, false)
        .assertTooLarge("https://pkiaas.org/problems/payload-too-large");
    // answered before the body is read: far quicker than reading 100 MB
    assertTrue(System.nanoTime() - started < 20_000_000_000L, "refused without reading the bodies");
  }

  @Test
  void chunkedBodiesAreCutAtTheLimit() throws Exception {
    rawPost(
            "/api/v1/cas",
            "application/json",
            "Transfer-Encoding: chunked",
            (1024 + 128) * 1024,
            true)
        .assertTooLarge("https://pkiaas.org/problems/payload-too-large");
    rawPost(
            "/pki/acme/new-account",
            "application/jose+json",
            "Transfer-Encoding: chunked",
            (256 + 64) * 1024,
            true)
        .assertTooLarge("urn:ietf:params:acme:error:malformed");
    // a form's parameters are parsed by the container, so a form without a length is refused
    rawPost(
            "/login.xhtml",
            "application/x-www-form-urlencoded",
            "Transfer-Encoding: chunked",
            64 * 1024,
            true)
        .assertRefused(411, "https://pkiaas.org/problems/length-required");
  }
}
