package org.pkiaas.issuance.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.util.IPAddress;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.x509.SanType;
import org.pkiaas.x509.SubjectAltNames;
import org.pkiaas.x509.SubjectAltNames.Name;

/**
 * The names of a TLS server certificate. TLS clients match a server only against the DNS names and
 * IP addresses in its subjectAltName, never its common name (RFC 9525 §6.3), and the CA/Browser
 * Forum Baseline Requirements require that extension in every subscriber server certificate
 * (§7.1.2.7.12) with the common name, when there is one, repeating one of its entries (§7.1.4.3).
 *
 * <p>So, for a template whose extended key usage includes {@code serverAuth}, content whose names
 * hold no DNS name and no IP address gets each common name that is one (of a type the template
 * allows) as its names: a CN-only CSR, as micromdm's scepclient and many devices send, gets a
 * usable certificate. Names someone gave are kept as given (a person signing may have chosen them
 * on purpose). Content left without any DNS name or IP address is refused when it is to be signed,
 * on every channel alike (a request queued for a person may still lack one: the person signing can
 * give it). A common name that is neither (a label such as "Web Server 1") stays in the subject
 * beside the names; private PKIs use that. Other templates keep the names as approved.
 */
final class ServerNames {

  private static final String SERVER_AUTH_OID = "1.3.6.1.5.5.7.3.1";

  private ServerNames() {}

  /**
   * The approved names, completed from the subject's common names for a TLS server template that
   * names no host yet; with {@code requireHost}, refused when they still name none.
   */
  static List<Name> complete(
      TemplateSettings template, X500Name subject, List<Name> names, boolean requireHost) {
    List<String> purposes = template.keyUsage().extendedKeyUsage();
    if (!purposes.contains("serverAuth") && !purposes.contains(SERVER_AUTH_OID)
        || namesAHost(names)) {
      return names;
    }
    List<SanType> allowed = template.requests().allowedSanTypes();
    List<Name> completed = new ArrayList<>(names);
    for (String commonName : SubjectRules.commonNames(subject)) {
      Name name = asName(commonName);
      if (name != null && allowed.contains(name.type()) && !completed.contains(name)) {
        completed.add(name);
      }
    }
    if (requireHost && !namesAHost(completed)) {
      throw new InvalidInputException(
          "subjectAltNames",
          "A TLS server certificate (this template's extended key usage includes serverAuth) needs"
              + " at least one DNS name or IP address: give one as a subject alternative name, or"
              + " as the common name");
    }
    return completed;
  }

  private static boolean namesAHost(List<Name> names) {
    return names.stream().anyMatch(n -> n.type() == SanType.DNS || n.type() == SanType.IP);
  }

  /** The common name as a DNS name or IP address, or null when it is neither. */
  private static Name asName(String commonName) {
    String value = commonName.trim();
    if (IPAddress.isValid(value)) {
      return new Name(SanType.IP, SubjectAltNames.ipLiteral("subject", value));
    }
    if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == ':' || c == '/')) {
      return null;
    }
    try {
      return SubjectAltNames.parse("subject", List.of("DNS:" + value.toLowerCase(Locale.ROOT)))
          .get(0);
    } catch (InvalidInputException notADnsName) {
      return null;
    }
  }
}
