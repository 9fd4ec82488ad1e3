package org.pkiaas.template.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;
import org.pkiaas.input.FieldFormats;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.KeyAlgorithm;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.template.entity.TemplateSettings.Constraints;
import org.pkiaas.template.entity.TemplateSettings.Distribution;
import org.pkiaas.template.entity.TemplateSettings.Est;
import org.pkiaas.template.entity.TemplateSettings.General;
import org.pkiaas.template.entity.TemplateSettings.Requests;
import org.pkiaas.template.entity.TemplateSettings.Scep;
import org.pkiaas.template.entity.TemplateSettings.Subject;
import org.pkiaas.template.entity.TemplateSettings.Usage;
import org.pkiaas.x509.KeyUsages;
import org.pkiaas.x509.SanType;
import org.pkiaas.x509.ValidityDays;

/**
 * Checks a template's settings as a whole and returns them normalised (canonical usage names,
 * trimmed text, absent sections filled from {@code current}). Every error names its field with the
 * section path the API uses, such as {@code general.validityDays}.
 */
public final class TemplateValidation {

  /** RFC 7030 §3.2.2's operation path segments, which a label cannot be. */
  private static final Set<String> EST_OPERATIONS =
      Set.of("cacerts", "simpleenroll", "simplereenroll", "fullcmc", "serverkeygen", "csrattrs");

  private static final Pattern OID = Pattern.compile(FieldFormats.OID);

  private TemplateValidation() {}

  /**
   * @param requested what the caller sent; null sections keep {@code current}'s
   * @param caKey the CA's key, to check the signature algorithm against
   */
  public static TemplateSettings validate(
      TemplateSettings requested, TemplateSettings current, KeySpec caKey) {
    String name = text(requested.name() != null ? requested.name() : current.name());
    if (name == null || name.length() > 200) {
      throw new InvalidInputException("name", "A template needs a name of 1 to 200 characters");
    }
    return new TemplateSettings(
        name,
        general(or(requested.general(), current.general()), caKey),
        subject(or(requested.subject(), current.subject())),
        usage(or(requested.keyUsage(), current.keyUsage())),
        constraints(or(requested.basicConstraints(), current.basicConstraints())),
        distribution(or(requested.distribution(), current.distribution())),
        requests(or(requested.requests(), current.requests())),
        scep(or(requested.scep(), current.scep())),
        CtLogValidation.validate(
            or(requested.certificateTransparency(), current.certificateTransparency())),
        est(or(requested.est(), current.est())));
  }

  private static General general(General g, KeySpec caKey) {
    ValidityDays.check("general.validityDays", g.validityDays());
    if (g.renewalWindowDays() < 1 || g.renewalWindowDays() > ValidityDays.MAX) {
      throw new InvalidInputException(
          "general.renewalWindowDays", "The renewal window is at least one day");
    }
    String algorithm =
        text(g.signatureAlgorithm()) == null
            ? null
            : caKey.signatureAlgorithm("general.signatureAlgorithm", g.signatureAlgorithm());
    String description = text(g.description());
    if (description != null && description.length() > 1000) {
      throw new InvalidInputException(
          "general.description", "A description has at most 1000 characters");
    }
    return new General(
        g.enabled(),
        g.allowPublicRequests(),
        g.renewalAllowed(),
        g.renewalAutoRevoke(),
        g.renewalWindowDays(),
        g.renewalCopySubject(),
        algorithm,
        g.validityDays(),
        description);
  }

  private static Subject subject(Subject s) {
    String country = text(s.country());
    if (country != null && !country.toUpperCase(Locale.ROOT).matches("[A-Z]{2}")) {
      throw new InvalidInputException(
          "subject.country", "The country is a two-letter ISO 3166 code");
    }
    return new Subject(
        s.suppliedByCsr(),
        bounded("subject.organization", s.organization(), 64),
        bounded("subject.organizationalUnit", s.organizationalUnit(), 64),
        bounded("subject.locality", s.locality(), 128),
        bounded("subject.state", s.state(), 128),
        country == null ? null : country.toUpperCase(Locale.ROOT));
  }

  private static Usage usage(Usage u) {
    List<String> keyUsage = KeyUsages.keyUsageNames("keyUsage.keyUsage", nonNull(u.keyUsage()));
    List<String> eku =
        KeyUsages.extendedKeyUsageNames("keyUsage.extendedKeyUsage", nonNull(u.extendedKeyUsage()));
    return new Usage(
        keyUsage, eku, u.extendedKeyUsageCritical() && !eku.isEmpty(), u.ocspNoCheck());
  }

  private static Constraints constraints(Constraints c) {
    if (c.pathLength() != null && (!c.ca() || c.pathLength() < 0 || c.pathLength() > 16)) {
      throw new InvalidInputException(
          "basicConstraints.pathLength", "A path length (0 to 16) applies only to CA certificates");
    }
    return c;
  }

  private static Distribution distribution(Distribution d) {
    String url = text(d.caIssuersUrl());
    if (url != null && !url.matches("https?://\\S+")) {
      throw new InvalidInputException(
          "distribution.caIssuersUrl", "The caIssuers URL must be an http or https URL");
    }
    String policy = text(d.policyOid());
    if (policy != null && !OID.matcher(policy).matches()) {
      throw new InvalidInputException(
          "distribution.policyOid", "The policy is a dotted OID such as 2.23.140.1.2.1");
    }
    if (d.includePolicies() && policy == null) {
      throw new InvalidInputException(
          "distribution.policyOid", "Choose the policy OID to write, or switch policies off");
    }
    return new Distribution(
        d.includeAia(),
        url,
        d.includeOcsp(),
        d.includeCrl(),
        d.includeFreshestCrl(),
        d.includePolicies(),
        policy);
  }

  private static Requests requests(Requests r) {
    List<String> keyTypes = new ArrayList<>();
    for (String type : nonNull(r.allowedKeyTypes())) {
      String name = KeyAlgorithm.parse("requests.allowedKeyTypes", type).name();
      if (!keyTypes.contains(name)) {
        keyTypes.add(name);
      }
    }
    if (keyTypes.isEmpty()) {
      throw new InvalidInputException("requests.allowedKeyTypes", "Allow at least one key type");
    }
    if (r.minimumRsaBits() < 2048 || r.minimumRsaBits() > 8192) {
      throw new InvalidInputException(
          "requests.minimumRsaBits", "The minimum RSA size is 2048 to 8192 bits");
    }
    List<SanType> sanTypes = nonNull(r.allowedSanTypes()).stream().distinct().toList();
    return new Requests(keyTypes, r.minimumRsaBits(), sanTypes, r.allowCsrExtensions());
  }

  private static Scep scep(Scep s) {
    String acl = text(s.ipAclList());
    if (acl != null) {
      for (String entry : acl.split("[,\\s]+")) {
        checkAddress(entry);
      }
    }
    return new Scep(
        s.enabled(),
        s.staticPassphrase(),
        s.intune(),
        s.stripRoot(),
        s.ndes(),
        s.ndesBasicAuth(),
        s.ipAcl(),
        acl,
        s.approval(),
        s.ipAclScope() == null ? "BOTH" : s.ipAclScope(),
        intune(s));
  }

  /**
   * The Intune connection: required once Intune validation is on; the base URLs default to
   * Microsoft's. Intune expects its success notification when the certificate is issued, so an
   * Intune template cannot also wait for an administrator.
   */
  private static Scep.Intune intune(Scep s) {
    Scep.Intune i = s.intuneConnection();
    if (s.intune() && s.approval()) {
      throw new InvalidInputException(
          "scep.approval", "Requests validated by Intune cannot also wait for an administrator");
    }
    if (i == null || i.tenantId() == null && i.clientId() == null) {
      if (s.intune()) {
        throw new InvalidInputException(
            "scep.intuneConnection.tenantId", "Intune validation needs the tenant and client IDs");
      }
      return null;
    }
    if (i.tenantId() == null || i.clientId() == null) {
      throw new InvalidInputException(
          "scep.intuneConnection." + (i.tenantId() == null ? "tenantId" : "clientId"),
          "Both the tenant and the application (client) ID are required");
    }
    int timeout = i.timeoutMillis() == null ? 10_000 : i.timeoutMillis();
    if (timeout < 500 || timeout > 60_000) {
      throw new InvalidInputException(
          "scep.intuneConnection.timeoutMillis", "The deadline is 500 to 60000 ms");
    }
    return new Scep.Intune(
        i.tenantId(),
        i.clientId().toLowerCase(java.util.Locale.ROOT),
        baseUrl("authorityUrl", i.authorityUrl(), Scep.Intune.AUTHORITY),
        baseUrl("graphUrl", i.graphUrl(), Scep.Intune.GRAPH),
        timeout);
  }

  private static String baseUrl(String field, String given, String fallback) {
    String url = text(given);
    if (url == null) {
      return fallback;
    }
    if (!url.matches("https?://[^\\s/?#@]+(/[^\\s?#]*)?")) {
      throw new InvalidInputException(
          "scep.intuneConnection." + field, "The URL is an http or https URL without query");
    }
    return url.endsWith("/") ? url : url + "/";
  }

  /**
   * The EST tab: a label that is a path segment and not an operation's name (RFC 7030 §3.2.2), and
   * required once EST is on.
   */
  private static Est est(Est e) {
    String label = text(e.label());
    if (label != null
        && (!label.matches(TemplateSettings.EST_LABEL) || EST_OPERATIONS.contains(label))) {
      throw new InvalidInputException(
          "est.label",
          EST_OPERATIONS.contains(label)
              ? "'" + label + "' is an EST operation's name, not a label"
              : TemplateSettings.EST_LABEL_MESSAGE);
    }
    if (e.enabled() && label == null) {
      throw new InvalidInputException("est.label", "EST needs a label for the template's URL");
    }
    return new Est(e.enabled(), label, e.approval(), e.clientCertificate());
  }

  /** An IP literal, or a CIDR range whose prefix fits its address family. */
  private static void checkAddress(String entry) {
    String[] parts = entry.split("/", -1);
    boolean v4 = IPAddress.isValidIPv4(parts[0]);
    boolean valid = parts.length <= 2 && (v4 || IPAddress.isValidIPv6(parts[0]));
    if (valid && parts.length == 2) {
      valid = parts[1].matches("[0-9]{1,3}") && Integer.parseInt(parts[1]) <= (v4 ? 32 : 128);
    }
    if (!valid) {
      throw new InvalidInputException(
          "scep.ipAclList", "'" + entry + "' is not an IP address or CIDR range");
    }
  }

  private static <T> T or(T requested, T current) {
    return requested != null ? requested : current;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String bounded(String field, String value, int max) {
    String trimmed = text(value);
    if (trimmed != null && trimmed.length() > max) {
      throw new InvalidInputException(field, "At most " + max + " characters are allowed");
    }
    return trimmed;
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
