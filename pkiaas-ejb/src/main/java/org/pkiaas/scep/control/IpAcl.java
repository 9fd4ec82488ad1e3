package org.pkiaas.scep.control;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.IPAddress;

/**
 * A template's SCEP IP access list (user guide 6.6): addresses and CIDR ranges, IPv4 and IPv6,
 * separated by commas or whitespace, as the template editor validated them. The client address is
 * the TCP peer's; behind a reverse proxy WildFly's {@code proxy-address-forwarding} makes it the
 * client's.
 */
public final class IpAcl {

  private record Range(byte[] network, int prefix) {}

  private final List<Range> ranges;

  private IpAcl(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** The list as stored on the template; entries that do not parse match nothing. */
  public static IpAcl parse(String list) {
    List<Range> ranges = new ArrayList<>();
    if (list != null) {
      for (String entry : list.trim().split("[,\\s]+")) {
        if (entry.isEmpty()) {
          continue;
        }
        String[] parts = entry.split("/", 2);
        byte[] address = literal(parts[0]);
        if (address == null) {
          continue;
        }
        int prefix = address.length * 8;
        if (parts.length == 2) {
          try {
            prefix = Integer.parseInt(parts[1]);
          } catch (NumberFormatException e) {
            continue;
          }
        }
        if (prefix >= 0 && prefix <= address.length * 8) {
          ranges.add(new Range(address, prefix));
        }
      }
    }
    return new IpAcl(ranges);
  }

  /** Whether {@code clientAddress} (an IP literal) is in one of the ranges. */
  public boolean allows(String clientAddress) {
    byte[] address = literal(clientAddress);
    if (address == null) {
      return false;
    }
    for (Range range : ranges) {
      if (range.network().length == address.length
          && prefix(range.network(), range.prefix()).equals(prefix(address, range.prefix()))) {
        return true;
      }
    }
    return false;
  }

  private static BigInteger prefix(byte[] address, int bits) {
    BigInteger value = new BigInteger(1, address);
    return value.shiftRight(address.length * 8 - bits);
  }

  /** The bytes of an IP literal (never a DNS lookup), IPv4-mapped IPv6 as IPv4; else null. */
  private static byte[] literal(String text) {
    if (text == null) {
      return null;
    }
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    int zone = bare.indexOf('%');
    bare = zone < 0 ? bare : bare.substring(0, zone);
    if (!IPAddress.isValidIPv4(bare) && !IPAddress.isValidIPv6(bare)) {
      return null; // getByName would look a name up
    }
    try {
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
