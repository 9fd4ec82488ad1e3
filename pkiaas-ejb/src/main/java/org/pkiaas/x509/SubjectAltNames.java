package org.pkiaas.x509;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;
import org.pkiaas.problem.InvalidInputException;

/**
 * Subject alternative names (RFC 5280 §4.2.1.6) as the API writes them, {@code TYPE:value}: {@code
 * DNS:www.example.com}, {@code IP:192.0.2.1}, {@code EMAIL:a@example.com}, {@code
 * URI:https://example.com/}, {@code UPN:user@corp.example} (otherName 1.3.6.1.4.1.311.20.2.3). DNS
 * names may be internationalised; they are stored as A-labels.
 */
public final class SubjectAltNames {

  public static final ASN1ObjectIdentifier UPN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3");
  private static final Pattern DNS_LABEL =
      Pattern.compile("(\\*|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** A parsed name with its type. */
  public record Name(SanType type, String value) {

    @Override
    public String toString() {
      return type + ":" + value;
    }
  }

  private SubjectAltNames() {}

  /** The names as {@link #parse} reads them and requests store them: {@code TYPE:value}. */
  public static List<String> written(List<Name> names) {
    return names.stream().map(Name::toString).toList();
  }

  public static List<Name> parse(String field, List<String> written) {
    List<Name> names = new ArrayList<>();
    for (String entry : written) {
      int colon = entry.indexOf(':');
      if (colon < 1) {
        throw new InvalidInputException(
            field, "'" + entry + "' is not TYPE:value (DNS, IP, EMAIL, URI or UPN)");
      }
      SanType type;
      try {
        type = SanType.valueOf(entry.substring(0, colon).trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            field, "'" + entry + "' has an unknown type; use DNS, IP, EMAIL, URI or UPN");
      }
      names.add(new Name(type, normalise(field, type, entry.substring(colon + 1).trim())));
    }
    return names;
  }

  /** The names in a GeneralNames, refusing types PKIaaS does not issue. */
  public static List<Name> of(String field, GeneralNames generalNames) {
    List<Name> names = new ArrayList<>();
    if (generalNames == null) {
      return names;
    }
    for (GeneralName name : generalNames.getNames()) {
      names.add(
          switch (name.getTagNo()) {
            case GeneralName.dNSName ->
                new Name(SanType.DNS, normalise(field, SanType.DNS, text(name)));
            case GeneralName.iPAddress ->
                new Name(
                    SanType.IP, ip(field, ASN1OctetString.getInstance(name.getName()).getOctets()));
            case GeneralName.rfc822Name ->
                new Name(SanType.EMAIL, normalise(field, SanType.EMAIL, text(name)));
            case GeneralName.uniformResourceIdentifier ->
                new Name(SanType.URI, normalise(field, SanType.URI, text(name)));
            case GeneralName.otherName -> new Name(SanType.UPN, upn(field, name));
            default ->
                throw new InvalidInputException(
                    field,
                    "Subject alternative names of tag " + name.getTagNo() + " are not supported");
          });
    }
    return names;
  }

  public static GeneralNames encode(List<Name> names) {
    GeneralName[] encoded = names.stream().map(SubjectAltNames::encode).toArray(GeneralName[]::new);
    return new GeneralNames(encoded);
  }

  private static GeneralName encode(Name name) {
    return switch (name.type()) {
      case DNS -> new GeneralName(GeneralName.dNSName, name.value());
      case IP -> new GeneralName(GeneralName.iPAddress, name.value());
      case EMAIL -> new GeneralName(GeneralName.rfc822Name, name.value());
      case URI -> new GeneralName(GeneralName.uniformResourceIdentifier, name.value());
      case UPN ->
          new GeneralName(
              GeneralName.otherName,
              new DERSequence(
                  new org.bouncycastle.asn1.ASN1Encodable[] {
                    UPN, new DERTaggedObject(true, 0, new DERUTF8String(name.value()))
                  }));
    };
  }

  public static String join(List<Name> names) {
    return String.join(",", written(names));
  }

  private static String normalise(String field, SanType type, String value) {
    switch (type) {
      case DNS -> {
        String ascii;
        try {
          ascii = IDN.toASCII(value, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(field, "'" + value + "' is not a valid DNS name");
        }
        String[] labels = ascii.split("\\.", -1);
        boolean valid = ascii.length() <= 253 && labels.length >= 1;
        for (int i = 0; valid && i < labels.length; i++) {
          valid =
              DNS_LABEL.matcher(labels[i]).matches()
                  && (!labels[i].equals("*") || i == 0 && labels.length > 2);
        }
        if (!valid) {
          throw new InvalidInputException(field, "'" + value + "' is not a valid DNS name");
        }
        return ascii;
      }
      case IP -> {
        return ipLiteral(field, value);
      }
      case EMAIL -> {
        return mailbox(field, value, "email address");
      }
      case UPN -> {
        if (!EMAIL.matcher(value).matches()) {
          throw new InvalidInputException(
              field, "'" + value + "' is not a UPN such as user@corp.example");
        }
        return value;
      }
      case URI -> {
        String ascii;
        try {
          URI uri = new URI(value);
          if (uri.getScheme() == null) {
            throw new IllegalArgumentException();
          }
          ascii = uri.toASCIIString();
        } catch (Exception e) {
          throw new InvalidInputException(field, "'" + value + "' is not an absolute URI");
        }
        if (!ascii.chars().allMatch(c -> c < 128)) {
          throw new InvalidInputException(
              field, "'" + value + "' has a non-ASCII host: write it as an A-label (xn--…)");
        }
        return ascii;
      }
      default -> throw new IllegalStateException();
    }
  }

  /** A strict IPv4 or IPv6 literal (no shorthand, no zone), never resolved through DNS. */
  public static String ipLiteral(String field, String value) {
    if (!IPAddress.isValidIPv4(value) && !IPAddress.isValidIPv6(value)) {
      throw new InvalidInputException(field, "'" + value + "' is not an IP address");
    }
    try {
      return InetAddress.getByName(value).getHostAddress();
    } catch (Exception e) {
      throw new InvalidInputException(field, "'" + value + "' is not an IP address");
    }
  }

  /** RFC 5280 §4.2.1.6 / §7.5: an ASCII local part, and the domain as A-labels. */
  private static String mailbox(String field, String value, String what) {
    if (!EMAIL.matcher(value).matches()) {
      throw new InvalidInputException(field, "'" + value + "' is not an " + what);
    }
    int at = value.lastIndexOf('@');
    String local = value.substring(0, at);
    if (!local.chars().allMatch(c -> c < 128)) {
      throw new InvalidInputException(
          field, "'" + value + "' has a non-ASCII local part, which an rfc822Name cannot carry");
    }
    try {
      return local + "@" + IDN.toASCII(value.substring(at + 1)).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(field, "'" + value + "' is not an " + what);
    }
  }

  private static String text(GeneralName name) {
    return ((ASN1String) name.getName()).getString();
  }

  private static String ip(String field, byte[] octets) {
    try {
      return InetAddress.getByAddress(octets).getHostAddress();
    } catch (Exception e) {
      throw new InvalidInputException(field, "An IP address SAN has " + octets.length + " octets");
    }
  }

  private static String upn(String field, GeneralName name) {
    ASN1Sequence other = ASN1Sequence.getInstance(name.getName());
    if (!UPN.equals(other.getObjectAt(0)) || other.size() != 2) {
      throw new InvalidInputException(
          field, "Only the UPN otherName (1.3.6.1.4.1.311.20.2.3) is supported");
    }
    ASN1TaggedObject value = ASN1TaggedObject.getInstance(other.getObjectAt(1));
    return normalise(field, SanType.UPN, ((ASN1String) value.getExplicitBaseObject()).getString());
  }
}
