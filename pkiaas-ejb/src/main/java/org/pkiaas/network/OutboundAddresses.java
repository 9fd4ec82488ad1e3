package org.pkiaas.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses the server's own outbound fetches (ACME http-01 and tls-alpn-01 validation, AIA
 * caIssuers at CA import) may connect to. A fetch target is chosen by whoever asks for the fetch,
 * so it must not reach what only the server can: link-local addresses (169.254.0.0/16 and
 * fe80::/10, where cloud metadata services and their credentials live), the other well-known
 * metadata addresses, "this network" (0.0.0.0/8, ::), multicast and broadcast. The same addresses
 * hidden inside IPv6 (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) are refused
 * too. Private and loopback addresses stay allowed: a self-hosted CA validates hosts on its own
 * networks.
 */
public final class OutboundAddresses {

  /**
   * Metadata services that do not live on a link-local address (Alibaba Cloud, Azure's wire server,
   * AWS over IPv6).
   */
  private static final InetAddress[] METADATA = {
    address("100.100.100.200"), address("168.63.129.16"), address("fd00:ec2::254")
  };

  private OutboundAddresses() {}

  /** Whether no outbound fetch may connect to {@code address}. */
  public static boolean refused(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      InetAddress embedded = embeddedIpv4(v6.getAddress());
      if (embedded != null && refused(embedded)) {
        return true;
      }
    }
    if (address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address
        && (bytes[0] == 0 || Arrays.equals(bytes, new byte[] {-1, -1, -1, -1}))) {
      return true;
    }
    for (InetAddress metadata : METADATA) {
      if (metadata.equals(address)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code literal}, an IPv4 or IPv6 address in text, is refused; false for text that is no
   * address (no lookup is made).
   */
  public static boolean refusedLiteral(String literal) {
    if (literal == null
        || !literal.matches("[0-9A-Fa-f.:]+")
        || !(literal.contains(".") || literal.contains(":"))) {
      return false;
    }
    try {
      return refused(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64 or 6to4), or null. */
  private static InetAddress embeddedIpv4(byte[] v6) {
    boolean zeroPrefix = allZero(v6, 0, 10);
    if (zeroPrefix
        && ((v6[10] == -1 && v6[11] == -1)
            || (v6[10] == 0 && v6[11] == 0 && !allZero(v6, 12, 15)))) {
      return ipv4(v6, 12);
    }
    if (v6[0] == 0x00
        && v6[1] == 0x64
        && v6[2] == (byte) 0xff
        && v6[3] == (byte) 0x9b
        && allZero(v6, 4, 12)) {
      return ipv4(v6, 12);
    }
    if (v6[0] == 0x20 && v6[1] == 0x02) {
      return ipv4(v6, 2);
    }
    return null;
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress ipv4(byte[] bytes, int offset) {
    try {
      return InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
