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
 * (§7.1.2.7.12).
 *
 * <p>So, for a template whose extended key usage includes {@code serverAuth} (by name or OID),
 * content whose names hold no DNS name and no IP address gets each common name that is one, of a
 * type the template allows, as its names: a CN-only CSR, as micromdm's scepclient and many devices
 * send, gets a usable certificate. Names that already name a host are kept as they are, even when
 * the common name is another one (a person signing may have chosen them; this class does not
 * enforce the Baseline Requirements' rule that a common name repeat a name, §7.1.4.3).
 *
 * <p>Content still naming no host is refused only where nothing else can use the certificate: a
 * template for TLS servers alone (no {@code clientAuth}, which device and user certificates on a
 * "Web Server + Client" template rely on) that allows DNS or IP names, and not for a renewal, which
 * keeps what the renewed certificate had. A request queued for a person is not refused either: the
 * person signing can give the names ({@code requireHost} false).
 */
final class ServerNames {

  private static final String SERVER_AUTH_OID = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH_OID = "1.3.6.1.5.5.7.3.2";

  private ServerNames() {}

  /**
   * The approved names, completed from the subject's common names for a TLS server template that
   * names no host yet; with {@code requireHost}, refused when they still name none and the template
   * issues TLS server certificates alone.
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
    boolean serverOnly = !purposes.contains("clientAuth") && !purposes.contains(CLIENT_AUTH_OID);
    boolean hostsAllowed = allowed.contains(SanType.DNS) || allowed.contains(SanType.IP);
    if (requireHost && serverOnly && hostsAllowed && !namesAHost(completed)) {
      throw new InvalidInputException(
          "subjectAltNames",
          "A TLS server certificate (this template's extended key usage is serverAuth) needs at"
              + " least one "
              + (allowed.contains(SanType.DNS) ? "DNS name" : "")
              + (allowed.contains(SanType.DNS) && allowed.contains(SanType.IP) ? " or " : "")
              + (allowed.contains(SanType.IP) ? "IP address" : "")
              + ": give one as a subject alternative name, or as the common name");
    }
    return completed;
  }

  private static boolean namesAHost(List<Name> names) {
    return names.stream().anyMatch(n -> n.type() == SanType.DNS || n.type() == SanType.IP);
  }

  /**
   * The common name as a DNS name or IP address, or null when it is neither. An IP address counts
   * only in its canonical form ({@code 010.0.0.1} means 8.0.0.1 to a browser and 10.0.0.1 to Java),
   * and dotted digits are never a DNS name.
   */
  private static Name asName(String commonName) {
    String value = commonName.trim();
    if (IPAddress.isValid(value)) {
      try {
        String literal = SubjectAltNames.ipLiteral("subject", value);
        boolean ambiguous = IPAddress.isValidIPv4(value) && !literal.equals(value);
        return ambiguous ? null : new Name(SanType.IP, literal);
      } catch (InvalidInputException notCanonical) {
        return null;
      }
    }
    if (value.isEmpty()
        || value.chars().anyMatch(c -> c <= ' ' || c == ':' || c == '/')
        || value.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
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
