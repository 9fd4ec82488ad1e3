package org.pkiaas.acme.control;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DNS names as ACME identifiers carry them (RFC 8555 §7.1.4, §7.1.3): lower-case ASCII (A-labels),
 * no trailing dot, and a wildcard only as the whole leftmost label.
 */
public final class DnsNames {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final int MAX_LENGTH = 253;

  private DnsNames() {}

  /**
   * The name in canonical form, or null when it is no valid host name (wildcard allowed when
   * asked).
   */
  public static String canonical(String name, boolean wildcardAllowed) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String lower = name.trim().toLowerCase(Locale.ROOT);
    boolean wildcard = wildcardAllowed && isWildcard(lower);
    String ascii;
    try {
      ascii =
          (wildcard ? "*." : "")
              + IDN.toASCII(base(lower), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!ascii.equals(lower) || ascii.length() > MAX_LENGTH) {
      return null;
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2) {
      return null;
    }
    for (int i = 0; i < labels.length; i++) {
      boolean wildcardLabel = i == 0 && wildcard && labels[i].equals("*");
      if (!wildcardLabel && !LABEL.matcher(labels[i]).matches()) {
        return null;
      }
    }
    if (labels[0].equals("*") && labels.length < 3) {
      return null;
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      return null; // no top-level domain is numeric: this is an IPv4 address, not a name
    }
    return ascii;
  }

  public static boolean isWildcard(String name) {
    return name.startsWith("*.");
  }

  /** The name a wildcard stands for: {@code *.example.com} gives {@code example.com}. */
  public static String base(String name) {
    return isWildcard(name) ? name.substring(2) : name;
  }
}
