package org.pkiaas.acme.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An ACME identifier (RFC 8555 §9.7.7): what an order asks a certificate for and an authorization
 * proves. A DNS name (§7.1.4; a wildcard keeps its {@code *.} here) or an IP address (RFC 8738 §3),
 * its value canonical once the order boundary has accepted it.
 */
public record AcmeIdentifier(Type type, String value) {

  /** The identifier types this server answers for, as the protocol spells them. */
  public enum Type {
    DNS("dns"),
    IP("ip");

    private final String json;

    Type(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }

    /** The type a client named (case-insensitively), or null when this server has none such. */
    public static Type parse(String json) {
      for (Type type : values()) {
        if (type.json.equalsIgnoreCase(json == null ? "" : json.trim())) {
          return type;
        }
      }
      return null;
    }
  }

  public AcmeIdentifier {
    Objects.requireNonNull(type);
    Objects.requireNonNull(value);
  }

  public static AcmeIdentifier dns(String name) {
    return new AcmeIdentifier(Type.DNS, name);
  }

  public static AcmeIdentifier ip(String address) {
    return new AcmeIdentifier(Type.IP, address);
  }

  public boolean isDns() {
    return type == Type.DNS;
  }

  @Override
  public String toString() {
    return type.json + ":" + value;
  }

  /**
   * The column form of an order's identifiers, {@code dns:name,ip:address}: neither a DNS name nor
   * an IP literal holds a comma, and the type never holds a colon. Read and written only here.
   */
  static String column(List<AcmeIdentifier> identifiers) {
    return String.join(",", identifiers.stream().map(AcmeIdentifier::toString).toList());
  }

  static List<AcmeIdentifier> fromColumn(String column) {
    List<AcmeIdentifier> identifiers = new ArrayList<>();
    for (String entry : column.split(",")) {
      int colon = entry.indexOf(':');
      Type type = Type.parse(entry.substring(0, colon));
      if (type == null) {
        throw new IllegalStateException("Unknown identifier type in '" + entry + "'");
      }
      identifiers.add(new AcmeIdentifier(type, entry.substring(colon + 1)));
    }
    return identifiers;
  }

  /** For messages: the identifiers as a client would recognise them, sorted. */
  public static String describe(Collection<AcmeIdentifier> identifiers) {
    return identifiers.stream().map(AcmeIdentifier::toString).sorted().toList().toString();
  }
}
