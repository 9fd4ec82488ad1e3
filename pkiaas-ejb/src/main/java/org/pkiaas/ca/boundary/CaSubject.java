package org.pkiaas.ca.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.pkiaas.input.PlainText;
import org.pkiaas.problem.InvalidInputException;

/**
 * A CA's subject attributes; only the common name is required. Upper bounds are those of RFC 5280
 * Appendix A (ub-common-name 64, ub-organization-name 64, …).
 */
public record CaSubject(
    @Size(max = 64, message = "At most {max} characters are allowed") @PlainText String commonName,
    @Size(max = 64, message = "At most {max} characters are allowed") @PlainText
        String organization,
    @Size(max = 64, message = "At most {max} characters are allowed") @PlainText
        String organizationalUnit,
    @Size(max = 128, message = "At most {max} characters are allowed") @PlainText String locality,
    @Size(max = 128, message = "At most {max} characters are allowed") @PlainText String state,
    @Pattern(regexp = "[A-Za-z]{2}", message = "The country is a two-letter ISO 3166 code")
        String country) {

  /** The distinguished name, most significant attribute first (C, ST, L, O, OU, CN). */
  public X500Name toX500Name() {
    if (commonName == null || commonName.isBlank()) {
      throw new InvalidInputException(
          "subject.commonName", "The common name (CA name) is required");
    }
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    if (present(country)) {
      String c = country.trim().toUpperCase(Locale.ROOT);
      if (!c.matches("[A-Z]{2}")) {
        throw new InvalidInputException(
            "subject.country", "The country is a two-letter ISO 3166 code");
      }
      name.addRDN(BCStyle.C, c);
    }
    add(name, BCStyle.ST, "subject.state", state, 128);
    add(name, BCStyle.L, "subject.locality", locality, 128);
    add(name, BCStyle.O, "subject.organization", organization, 64);
    add(name, BCStyle.OU, "subject.organizationalUnit", organizationalUnit, 64);
    add(name, BCStyle.CN, "subject.commonName", commonName, 64);
    return name.build();
  }

  private static void add(
      X500NameBuilder name, ASN1ObjectIdentifier type, String field, String value, int max) {
    if (!present(value)) {
      return;
    }
    String trimmed = value.trim();
    if (trimmed.length() > max) {
      throw new InvalidInputException(field, "At most " + max + " characters are allowed");
    }
    name.addRDN(type, trimmed);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
