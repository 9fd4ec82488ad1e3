package org.pkiaas.acme.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.entity.AcmeIdentifier;
import org.pkiaas.network.OutboundAddresses;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.x509.SubjectAltNames;

/**
 * The identifiers of a newOrder (RFC 8555 §7.4) as the order keeps them: DNS names canonical (lower
 * case, a wildcard only as the whole leftmost label, §7.1.3), IP addresses in their shortest text
 * form (RFC 8738 §3, RFC 5952), no repeats, in the order asked.
 */
public final class OrderIdentifiers {

  static final int MAX_IDENTIFIERS = 100;

  private OrderIdentifiers() {}

  public static Set<AcmeIdentifier> canonical(List<AcmeIdentifier> identifiers) {
    if (identifiers == null || identifiers.isEmpty()) {
      throw new AcmeProblem(AcmeError.MALFORMED, "An order needs identifiers");
    }
    if (identifiers.size() > MAX_IDENTIFIERS) {
      throw new AcmeProblem(
          AcmeError.REJECTED_IDENTIFIER,
          "An order has at most " + MAX_IDENTIFIERS + " identifiers");
    }
    Set<AcmeIdentifier> canonical = new LinkedHashSet<>();
    for (AcmeIdentifier identifier : identifiers) {
      canonical.add(identifier.isDns() ? dns(identifier.value()) : ip(identifier.value()));
    }
    return canonical;
  }

  private static AcmeIdentifier dns(String value) {
    String name = DnsNames.canonical(value, true);
    if (name == null) {
      throw new AcmeProblem(
          AcmeError.REJECTED_IDENTIFIER, "'" + value + "' is not a valid DNS name");
    }
    return AcmeIdentifier.dns(name);
  }

  /** An address that validation may connect to (RFC 8738 §7 leaves the rest to the server). */
  private static AcmeIdentifier ip(String value) {
    String address;
    try {
      address = SubjectAltNames.ipLiteral("value", value);
    } catch (InvalidInputException e) {
      throw new AcmeProblem(AcmeError.REJECTED_IDENTIFIER, "'" + value + "' is not an IP address");
    }
    if (OutboundAddresses.refusedLiteral(address)) {
      throw new AcmeProblem(
          AcmeError.REJECTED_IDENTIFIER, address + " is an address validation may not connect to");
    }
    return AcmeIdentifier.ip(address);
  }
}
