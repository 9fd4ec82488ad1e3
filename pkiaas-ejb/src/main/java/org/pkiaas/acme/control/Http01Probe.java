package org.pkiaas.acme.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.pkiaas.acme.control.ChallengeChecks.Failure;
import org.pkiaas.network.DeadlineSocket;
import org.pkiaas.network.OutboundAddresses;

/**
 * The http-01 check (RFC 8555 §8.3): a GET of {@code
 * http://<domain>/.well-known/acme-challenge/<token>} must answer 200 with the key authorization.
 * Redirects are followed, as §8.3 says a server SHOULD and as Let's Encrypt does: at most {@value
 * #MAX_REDIRECTS}, only to {@code http} and {@code https} URLs, and only to the HTTP or HTTPS port
 * (80 and 443, or the ports configured in their place). Every host is looked up with the
 * validator's resolver, and an HTTPS target's certificate is not checked: the answer is the proof.
 *
 * <p>The target is the account holder's to choose, so it may not lead everywhere the validator can
 * reach: a redirect not to another IP address (as with Let's Encrypt), and no hop, the first
 * included, to an address {@link OutboundAddresses} refuses (link-local, where cloud metadata
 * services live, and the like). What the client is told names neither the target's status nor the
 * network's error text. Private and loopback addresses stay allowed: a self-hosted CA validates
 * hosts on its own networks. One check ends after {@code budget}, however slowly the servers
 * answer, the body included; anything unexpected while checking is a failed check.
 *
 * <p>Just over 300 lines because it is a minimal HTTP/1.1 client of its own (connect per address,
 * TLS without trust, bounded reads under one deadline, redirect rules): the JDK's client cannot pin
 * the address it resolved nor refuse a redirect by address, and these parts are tested together by
 * {@code Http01ProbeTest}.
 */
final class Http01Probe {

  static final int MAX_REDIRECTS = 10;
  private static final int MAX_RESPONSE = 16 * 1024;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final Function<String, List<InetAddress>> addresses;
  private final int httpPort;
  private final int httpsPort;
  private final Duration timeout;
  private final Duration budget;

  /**
   * @param addresses a host's addresses as the validator's resolver finds them; empty when none
   * @param timeout for each connection and each read
   * @param budget for the whole check, every redirect and address included
   */
  Http01Probe(
      Function<String, List<InetAddress>> addresses,
      int httpPort,
      int httpsPort,
      Duration timeout,
      Duration budget) {
    this.addresses = addresses;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    this.timeout = timeout;
    this.budget = budget;
  }

  /** What a GET got: the status, the Location header (or null) and the body. */
  private record Response(int status, String location, String body) {}

  /** A hop that could not be made, for the reason in {@code failure}. */
  private static final class Refused extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient Failure failure;

    Refused(String type, String detail) {
      super(detail, null, false, false);
      this.failure = new Failure(type, detail);
    }
  }

  /** Null when the identifier's web server answers the key authorization, else why not. */
  Failure check(String identifier, boolean ip, String token, String keyAuthorization) {
    String host = ip && identifier.contains(":") ? "[" + identifier + "]" : identifier;
    URI url = URI.create("http://" + host + "/.well-known/acme-challenge/" + token);
    long deadline = System.nanoTime() + budget.toNanos();
    try {
      return follow(url, keyAuthorization, deadline);
    } catch (Refused e) {
      return e.failure;
    } catch (RuntimeException e) {
      return new Failure("connection", "The challenge URL could not be checked");
    }
  }

  private Failure follow(URI start, String keyAuthorization, long deadline) throws Refused {
    URI url = start;
    for (int redirects = 0; ; redirects++) {
      Response response = get(url, redirects > 0, deadline);
      if (REDIRECTS.contains(response.status()) && response.location() != null) {
        if (redirects == MAX_REDIRECTS) {
          return new Failure(
              "connection", "More than " + MAX_REDIRECTS + " redirects, the last to " + url);
        }
        url = redirectTarget(url, response.location());
        continue;
      }
      if (response.status() != 200 || !response.body().strip().equals(keyAuthorization)) {
        return new Failure(
            "incorrectResponse",
            (redirects > 0 ? "The URL redirected to" : "The challenge URL")
                + " did not answer 200 with the key authorization");
      }
      return null;
    }
  }

  /** The Location of a redirect, resolved against the URL that gave it, if it may be followed. */
  private URI redirectTarget(URI from, String location) throws Refused {
    URI target;
    try {
      target = from.resolve(new URI(location.strip())).normalize();
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new Refused(
          "connection", from + " redirected to '" + location + "', which is not a URL");
    }
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Refused(
          "connection",
          from + " redirected to " + target + ": only http and https URLs are followed");
    }
    if (target.getHost() == null || target.getHost().isEmpty()) {
      throw new Refused("connection", from + " redirected to " + target + ", which names no host");
    }
    boolean literal = ipLiteral(target.getHost());
    if (literal && !target.getHost().equalsIgnoreCase(from.getHost())) {
      throw new Refused(
          "connection",
          from + " redirected to " + target + ": redirects to IP addresses are not followed");
    }
    int port = target.getPort();
    boolean https = scheme.equals("https");
    if (port != -1 && port != (https ? 443 : 80) && port != (https ? httpsPort : httpPort)) {
      throw new Refused(
          "connection",
          from
              + " redirected to "
              + target
              + ": only the "
              + (https ? "HTTPS" : "HTTP")
              + " port is followed");
    }
    // non-ASCII characters percent-encoded, as a request line needs them
    return URI.create(target.toASCIIString());
  }

  /** One GET of {@code url}, from the first of its host's addresses that takes the connection. */
  private Response get(URI url, boolean redirected, long deadline) throws Refused {
    String host = url.getHost();
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean literal = ipLiteral(host);
    List<InetAddress> found;
    try {
      found = literal ? List.of(InetAddress.getByName(bare)) : addresses.apply(bare);
    } catch (java.net.UnknownHostException e) {
      found = List.of();
    }
    if (found.isEmpty()) {
      throw new Refused("dns", "No A or AAAA record found for " + bare);
    }
    if (found.stream().anyMatch(OutboundAddresses::refused)) {
      throw new Refused(
          "connection", bare + " resolves to an address validation may not connect to");
    }
    boolean https = url.getScheme().equalsIgnoreCase("https");
    int port = https ? httpsPort : httpPort;
    String failure = null;
    for (InetAddress address : found) {
      if (System.nanoTime() - deadline >= 0) {
        throw new Refused(
            "connection", "Validation gave up after " + budget.toSeconds() + " s, at " + url);
      }
      try {
        return exchange(address, port, https, literal ? null : bare, url, deadline);
      } catch (IOException e) {
        failure =
            redirected
                ? url + " (reached by a redirect) could not be fetched"
                : "Fetching " + url + " from " + address.getHostAddress() + ":" + port + " failed";
      }
    }
    throw new Refused("connection", failure);
  }

  /** Whether a URL's host is an IP address: bracketed IPv6, or dotted IPv4, rather than a name. */
  private static boolean ipLiteral(String host) {
    return host.startsWith("[") || host.matches("[0-9.]+");
  }

  /**
   * A plain HTTP/1.0 GET to the address with the URL's authority as Host, so names are resolved by
   * the configured resolver and not by the JDK's; the response is read up to a limit.
   */
  private Response exchange(
      InetAddress address, int port, boolean https, String serverName, URI url, long deadline)
      throws IOException {
    DeadlineSocket plain = new DeadlineSocket(deadline, timeout.toMillis());
    int wait = (int) Math.max(1, Math.min(timeout.toMillis(), plain.millisLeft()));
    try {
      plain.connect(new InetSocketAddress(address, port), wait);
    } catch (IOException e) {
      plain.close();
      throw e;
    }
    try (Socket socket = https ? tlsSocket(plain, address, port, serverName) : plain) {
      OutputStream out = socket.getOutputStream();
      String target = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
      if (url.getRawQuery() != null) {
        target += "?" + url.getRawQuery();
      }
      String authority = url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
      out.write(
          ("GET "
                  + target
                  + " HTTP/1.0\r\nHost: "
                  + authority
                  + "\r\nUser-Agent: PKIaaS ACME validation\r\n"
                  + "Accept: */*\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return parse(read(socket.getInputStream(), deadline), url);
    }
  }

  /** TLS over the connected {@code plain} socket, reading through its deadline. */
  private static Socket tlsSocket(Socket plain, InetAddress address, int port, String serverName)
      throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AnyServerCertificate()}, null);
      SSLSocket socket =
          (SSLSocket)
              context.getSocketFactory().createSocket(plain, address.getHostAddress(), port, true);
      // SNI names no absolute name's final dot (RFC 6066 §3)
      String sni =
          serverName == null
              ? null
              : serverName.endsWith(".")
                  ? serverName.substring(0, serverName.length() - 1)
                  : serverName;
      if (sni != null && !sni.isEmpty()) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(sni)));
        socket.setSSLParameters(parameters);
      }
      return socket;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      plain.close();
      throw new IOException("No TLS client for this server name", e);
    }
  }

  private static Response parse(String response, URI url) throws IOException {
    int headerEnd = response.indexOf("\r\n\r\n");
    List<String> head =
        (headerEnd < 0 ? response : response.substring(0, headerEnd)).lines().toList();
    String[] status = head.isEmpty() ? new String[0] : head.get(0).split(" ");
    if (status.length < 2 || !status[0].startsWith("HTTP/") || !status[1].matches("\\d{3}")) {
      throw new IOException(url + " did not answer HTTP");
    }
    String location =
        head.stream()
            .skip(1)
            .filter(h -> h.regionMatches(true, 0, "Location:", 0, 9))
            .findFirst()
            .map(h -> h.substring(9).strip())
            .orElse(null);
    return new Response(
        Integer.parseInt(status[1]),
        location,
        headerEnd < 0 ? "" : response.substring(headerEnd + 4));
  }

  /**
   * The response up to {@value #MAX_RESPONSE} bytes; a server still sending at the deadline has
   * failed.
   */
  private static String read(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    int n;
    while ((n = in.read(chunk)) > 0 && buffer.size() < MAX_RESPONSE) {
      buffer.write(chunk, 0, n);
      if (System.nanoTime() - deadline >= 0) {
        throw new IOException("the answer took too long");
      }
    }
    return buffer.toString(StandardCharsets.ISO_8859_1);
  }
}
