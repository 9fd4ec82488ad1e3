package org.pkiaas.issuance.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * How a subject is put together (RFC 5280 §4.1.2.6): the template's fixed attributes always win;
 * other attributes come only from content someone verified, or from the CSR when the template takes
 * the subject from the CSR; one attribute per RDN; no control or bidi characters anywhere.
 */
public final class SubjectRules {

  /** RFC 5280 Appendix A: ub-common-name. */
  static final int MAX_COMMON_NAME = 64;

  private static final X500Name EMPTY = new X500Name(new RDN[0]);

  private SubjectRules() {}

  /**
   * Refuses a subject with a multi-valued RDN, a CN that is not a short clean string, or a control
   * character.
   */
  public static void check(String field, X500Name subject) {
    if (subject == null) {
      return;
    }
    for (RDN rdn : subject.getRDNs()) {
      if (rdn.isMultiValued()) {
        throw new InvalidInputException(
            field,
            "Multi-valued RDNs (" + printable(rdn) + ") are not accepted: one attribute per RDN");
      }
      AttributeTypeAndValue attribute = rdn.getFirst();
      if (attribute == null) {
        throw new InvalidInputException(field, "The subject has an empty RDN");
      }
      String value = text(field, attribute);
      if (BCStyle.CN.equals(attribute.getType())
          && (value.isBlank() || value.length() > MAX_COMMON_NAME)) {
        throw new InvalidInputException(
            field, "A common name has 1 to " + MAX_COMMON_NAME + " characters");
      }
    }
  }

  /**
   * The subject from {@code base}: the template's fixed C/ST/L/O/OU replace the base's; the base's
   * other attributes are kept when {@code keepOthers}, else only its common names.
   */
  static X500Name compose(TemplateSettings.Subject policy, X500Name base, boolean keepOthers) {
    X500Name from = base == null ? EMPTY : base;
    Map<ASN1ObjectIdentifier, String> fixed = fixed(policy);
    if (fixed.isEmpty() && keepOthers) {
      return from;
    }
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    for (Map.Entry<ASN1ObjectIdentifier, String> attribute : orderedTypes(fixed).entrySet()) {
      if (attribute.getValue() != null) {
        subject.addRDN(attribute.getKey(), attribute.getValue());
      } else if (keepOthers) {
        for (RDN rdn : from.getRDNs(attribute.getKey())) {
          subject.addRDN(rdn.getFirst());
        }
      }
    }
    for (RDN rdn : from.getRDNs()) {
      ASN1ObjectIdentifier type = rdn.getFirst().getType();
      if (keepOthers && !orderedTypes(fixed).containsKey(type) && !BCStyle.CN.equals(type)) {
        subject.addRDN(rdn.getFirst());
      }
    }
    for (RDN rdn : from.getRDNs(BCStyle.CN)) {
      subject.addRDN(rdn.getFirst());
    }
    return subject.build();
  }

  /**
   * A subject the server builds for a name-only channel: the template's fixed attributes and, when
   * given, one CN.
   */
  static X500Name serverBuilt(TemplateSettings.Subject policy, String commonName) {
    X500Name fixedOnly = compose(policy, EMPTY, false);
    if (commonName == null) {
      return fixedOnly;
    }
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    for (RDN rdn : fixedOnly.getRDNs()) {
      subject.addRDN(rdn.getFirst());
    }
    return subject.addRDN(BCStyle.CN, commonName).build();
  }

  /** Every CN value of a subject, in order. */
  static List<String> commonNames(X500Name subject) {
    List<String> names = new ArrayList<>();
    for (RDN rdn : subject.getRDNs()) {
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        if (BCStyle.CN.equals(attribute.getType())) {
          names.add(IETFUtils.valueToString(attribute.getValue()));
        }
      }
    }
    return names;
  }

  /**
   * Refuses C0/C1 controls, DEL, and the bidi and zero-width formatting characters that make a name
   * read as another.
   */
  public static void checkText(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = c < 0x20 || c >= 0x7f && c <= 0x9f;
      boolean formatting =
          c >= 0x200b && c <= 0x200f
              || c >= 0x202a && c <= 0x202e
              || c >= 0x2066 && c <= 0x2069
              || c == 0xfeff
              || c == 0x061c;
      if (control || formatting) {
        throw new InvalidInputException(
            field,
            "Control and bidirectional formatting characters (U+"
                + String.format("%04X", (int) c)
                + ") are not accepted in names");
      }
    }
  }

  private static String text(String field, AttributeTypeAndValue attribute) {
    ASN1Encodable value = attribute.getValue();
    if (!(value instanceof ASN1String string)) {
      throw new InvalidInputException(
          field, "Subject attribute " + attribute.getType().getId() + " is not a string");
    }
    String text = string.getString();
    checkText(field, text);
    return text;
  }

  private static Map<ASN1ObjectIdentifier, String> fixed(TemplateSettings.Subject policy) {
    Map<ASN1ObjectIdentifier, String> fixed = new LinkedHashMap<>();
    put(fixed, BCStyle.C, policy.country());
    put(fixed, BCStyle.ST, policy.state());
    put(fixed, BCStyle.L, policy.locality());
    put(fixed, BCStyle.O, policy.organization());
    put(fixed, BCStyle.OU, policy.organizationalUnit());
    return fixed;
  }

  /** C, ST, L, O, OU in this order, each with its fixed value or null. */
  private static Map<ASN1ObjectIdentifier, String> orderedTypes(
      Map<ASN1ObjectIdentifier, String> fixed) {
    Map<ASN1ObjectIdentifier, String> ordered = new LinkedHashMap<>();
    for (ASN1ObjectIdentifier type :
        List.of(BCStyle.C, BCStyle.ST, BCStyle.L, BCStyle.O, BCStyle.OU)) {
      ordered.put(type, fixed.get(type));
    }
    return ordered;
  }

  private static void put(
      Map<ASN1ObjectIdentifier, String> fixed, ASN1ObjectIdentifier type, String value) {
    if (value != null && !value.isBlank()) {
      fixed.put(type, value);
    }
  }

  private static String printable(RDN rdn) {
    StringBuilder written = new StringBuilder();
    for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
      written
          .append(written.length() == 0 ? "" : "+")
          .append(BCStyle.INSTANCE.oidToDisplayName(attribute.getType()));
    }
    return written.toString();
  }
}
