package org.pkiaas.acme.control;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.pkiaas.network.OutboundAddresses;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The checks behind http-01 (RFC 8555 §8.3), dns-01 (§8.4) and tls-alpn-01 (RFC 8737). Every
 * lookup, A/AAAA for http-01 and tls-alpn-01 and TXT (following CNAMEs) for dns-01, asks one
 * resolver: the configured one, or the system's.
 */
public final class ChallengeChecks {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * Well inside the claim a validating node holds on a challenge ({@code
   * ChallengeValidation.CLAIM}).
   */
  private static final Duration HTTP01_BUDGET = Duration.ofSeconds(60);

  private final Resolver resolver;
  private final int httpPort;
  private final int tlsPort;

  /**
   * What went wrong: an ACME error type ({@code dns}, {@code connection}, {@code
   * incorrectResponse}) and a detail.
   */
  public record Failure(String type, String detail) {}

  /**
   * @param resolverAddress {@code host:port} of the DNS server to ask, or empty for the system's
   */
  public ChallengeChecks(Optional<String> resolverAddress, int httpPort, int tlsPort) {
    this.resolver = resolverAddress.map(ChallengeChecks::resolver).orElseGet(ExtendedResolver::new);
    this.resolver.setTimeout(TIMEOUT);
    this.httpPort = httpPort;
    this.tlsPort = tlsPort;
  }

  private static Resolver resolver(String address) {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? address : address.substring(0, colon);
    int port = colon < 0 ? 53 : Integer.parseInt(address.substring(colon + 1));
    return new SimpleResolver(new InetSocketAddress(host.replace("[", "").replace("]", ""), port));
  }

  /** The key authorization of §8.1: token and the account key's thumbprint. */
  public static String keyAuthorization(String token, String thumbprint) {
    return token + "." + thumbprint;
  }

  /**
   * http-01: the web server of the domain, or of the address (RFC 8738 §7), answers the key
   * authorization at the well-known path, perhaps after redirects ({@link Http01Probe}); null if it
   * does.
   */
  public Failure http01(String domain, boolean ip, String token, String keyAuthorization) {
    return new Http01Probe(
            host -> addresses(host, false), httpPort, tlsPort, TIMEOUT, HTTP01_BUDGET)
        .check(domain, ip, token, keyAuthorization);
  }

  /**
   * tls-alpn-01 (RFC 8737 §3): a TLS server at the domain's address, asked for the domain by SNI
   * and for {@code acme-tls/1} by ALPN, presents a certificate for exactly that identifier with the
   * critical acmeIdentifier extension holding the key authorization's SHA-256; null if it does.
   */
  public Failure tlsAlpn01(String domain, boolean ip, String keyAuthorization) {
    List<InetAddress> addresses = addresses(domain, ip);
    if (addresses.isEmpty()) {
      return new Failure("dns", "No A or AAAA record found for " + domain);
    }
    if (addresses.stream().anyMatch(OutboundAddresses::refused)) {
      return new Failure(
          "connection", domain + " resolves to an address validation may not connect to");
    }
    Failure last = null;
    for (InetAddress address : addresses) {
      last = TlsAlpnProbe.check(address, tlsPort, domain, ip, sha256(keyAuthorization));
      if (last == null) {
        return null;
      }
    }
    return last;
  }

  private List<InetAddress> addresses(String domain, boolean ip) {
    List<InetAddress> addresses = new ArrayList<>();
    if (ip) {
      try {
        addresses.add(InetAddress.getByName(domain));
      } catch (java.net.UnknownHostException e) {
        return addresses;
      }
      return addresses;
    }
    for (int type : new int[] {Type.A, Type.AAAA}) {
      for (Record record : lookup(domain, type).records()) {
        if (record instanceof ARecord a) {
          addresses.add(a.getAddress());
        } else if (record instanceof AAAARecord aaaa) {
          addresses.add(aaaa.getAddress());
        }
      }
    }
    return addresses;
  }

  /**
   * dns-01: a TXT record at {@code _acme-challenge.<domain>}, or at the end of the CNAME chain
   * starting there, holds the key authorization's digest; null if one does.
   */
  public Failure dns01(String domain, String keyAuthorization) {
    String expected = digest(keyAuthorization);
    String name = "_acme-challenge." + domain;
    Answer answer = lookup(name, Type.TXT);
    List<String> found = new ArrayList<>();
    for (Record record : answer.records()) {
      if (record instanceof TXTRecord txt) {
        String value = String.join("", txt.getStrings());
        if (value.equals(expected)) {
          return null;
        }
        found.add(value);
      }
    }
    if (!found.isEmpty()) {
      return new Failure(
          "incorrectResponse", "No TXT record at " + name + " holds the expected digest");
    }
    return new Failure(
        "dns",
        answer.failure() == null
            ? "No TXT record found at " + name
            : "Looking up TXT at " + name + " failed: " + answer.failure());
  }

  /** base64url(SHA-256(key authorization)), the TXT value of §8.4. */
  public static String digest(String keyAuthorization) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(keyAuthorization));
  }

  private static byte[] sha256(String keyAuthorization) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(keyAuthorization.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What a lookup found, and why it found nothing when the resolver could not answer (SERVFAIL,
   * timeout).
   */
  private record Answer(Record[] records, String failure) {}

  private Answer lookup(String name, int type) {
    try {
      Lookup lookup = new Lookup(Name.fromString(name, Name.root), type);
      lookup.setResolver(resolver);
      lookup.setCache(null);
      lookup.setHostsFileParser(null);
      Record[] records = lookup.run();
      String failure =
          lookup.getResult() == Lookup.TRY_AGAIN || lookup.getResult() == Lookup.UNRECOVERABLE
              ? lookup.getErrorString()
              : null;
      return new Answer(records == null ? new Record[0] : records, failure);
    } catch (TextParseException e) {
      return new Answer(new Record[0], "not a valid DNS name");
    }
  }
}
