package org.pkiaas.issuance.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.Evidence.AdminDecision;
import org.pkiaas.issuance.control.Evidence.PreApproved;
import org.pkiaas.issuance.control.Evidence.ProvenKey;
import org.pkiaas.issuance.control.Evidence.SharedSecret;
import org.pkiaas.issuance.control.Evidence.ValidatedIdentifiers;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.x509.SanType;
import org.pkiaas.x509.SubjectAltNames;
import org.pkiaas.x509.ValidityDays;

/**
 * The one intake policy every channel goes through: from the template, the request and what the
 * channel verified, the content a certificate may carry. Nothing the requester did not prove is
 * copied: the subject comes from verified content (an administrator's decision, pre-approved
 * content, the renewed certificate, validated identifiers, a template's shared secret) with the
 * template's fixed attributes winning; a TLS server certificate whose names name no host gets its
 * common name's host ({@link ServerNames}); names are checked against the template and the issuer's
 * name constraints; requested extensions pass an allow-list. The same request and evidence give the
 * same content whichever channel carried them.
 */
public final class IntakePolicy {

  private IntakePolicy() {}

  /** The approved content, or an {@link InvalidInputException} saying what is refused. */
  public static ApprovedContent approve(
      TemplateSettings template, X509CertificateHolder issuer, Intake intake) {
    return approve(template, issuer, intake, true);
  }

  /**
   * Checks a request before it is queued for a person to sign: as {@link #approve}, except that a
   * TLS server request may still lack a host name, which the person signing can give.
   */
  public static void checkQueued(TemplateSettings template, Intake intake) {
    approve(template, null, intake, false);
  }

  private static ApprovedContent approve(
      TemplateSettings template, X509CertificateHolder issuer, Intake intake, boolean toSign) {
    Request request = intake.request();
    SubjectRules.check("csr", request.subject());
    checkNamesText("csr", request.subjectAltNames());
    TemplateSettings.Subject policy = template.subject();
    X500Name subject;
    List<SubjectAltNames.Name> names;
    Integer days = null;
    Evidence evidence = intake.evidence();
    if (evidence instanceof SharedSecret) {
      // the secret stands for its owner's approval of whatever the template allows
      subject = SubjectRules.compose(policy, request.subject(), policy.suppliedByCsr());
      names = request.subjectAltNames();
    } else if (evidence instanceof AdminDecision decision) {
      SubjectRules.check("subject", decision.subject());
      boolean decided = decision.subject() != null;
      // an unchanged CSR subject keeps more than its common names only when the template takes it
      // from the CSR
      subject =
          SubjectRules.compose(
              policy,
              decided ? decision.subject() : request.subject(),
              decided || policy.suppliedByCsr());
      names =
          decision.subjectAltNames() != null
              ? decision.subjectAltNames()
              : request.subjectAltNames();
      days = decision.validityDays();
    } else if (evidence instanceof PreApproved approved) {
      SubjectRules.check("subject", approved.subject());
      subject = SubjectRules.compose(policy, approved.subject(), true);
      names = approved.subjectAltNames();
      days = approved.validityDays();
    } else if (evidence instanceof ProvenKey proven) {
      X500Name previousSubject = proven.previous().getSubject();
      List<SubjectAltNames.Name> previousNames = names(proven.previous());
      if (template.general().renewalCopySubject()) {
        subject = SubjectRules.compose(policy, previousSubject, true);
        names = previousNames;
      } else {
        requireSubset(request, previousSubject, previousNames);
        subject = SubjectRules.compose(policy, request.subject(), true);
        names = request.subjectAltNames();
      }
    } else {
      List<SubjectAltNames.Name> validated = ((ValidatedIdentifiers) evidence).identifiers();
      names = validated;
      subject = SubjectRules.serverBuilt(policy, commonName(request.subject(), validated));
    }
    SubjectRules.check("subject", subject);
    checkNamesText("subjectAltNames", names);
    if (subject.getRDNs().length == 0 && names.isEmpty()) {
      throw new InvalidInputException(
          "subject", "A certificate needs a subject or at least one subject alternative name");
    }
    // a renewal keeps what the renewed certificate had, host or not
    names =
        ServerNames.complete(template, subject, names, toSign && !(evidence instanceof ProvenKey));
    CertificateProfile.checkNames(template, names);
    IssuerNameConstraints.check(issuer, subject, names);
    int validity =
        ValidityDays.check("validityDays", days != null ? days : template.general().validityDays());
    List<Extension> extensions =
        RequestedExtensions.allowed("csr", template, request.requestedExtensions());
    return new ApprovedContent(subject, names, extensions, validity);
  }

  /**
   * The names {@code subject} and {@code names} come to on {@code template}: a TLS server template
   * names the common name's host when they name none ({@link ServerNames}). A protocol that wants a
   * renewal to ask for the renewed certificate's names (EST, RFC 7030 §4.2.2) compares with these.
   */
  public static List<SubjectAltNames.Name> namesAsIssued(
      TemplateSettings template, X500Name subject, List<SubjectAltNames.Name> names) {
    return ServerNames.complete(template, subject, names, false);
  }

  /**
   * Checks content approved before the key exists (an approval, a pre-approval), so a claim link is
   * never handed out for content that could not be issued.
   */
  public static ApprovedContent approveWithoutKey(
      TemplateSettings template, X509CertificateHolder issuer, Evidence.PreApproved approved) {
    Request noKeyYet = new Request(null, new X500Name(new RDN[0]), List.of(), null);
    return approve(template, issuer, new Intake(Channel.PRE_APPROVED, noKeyYet, approved));
  }

  /**
   * The common name of a server-built subject: the CSR's, when it names a validated identifier
   * (every CN value is checked, and a CN naming anything else is refused); else the first validated
   * DNS name that fits; else none, and the names go in a critical SAN.
   */
  private static String commonName(X500Name requested, List<SubjectAltNames.Name> validated) {
    Set<String> identifiers = new HashSet<>();
    for (SubjectAltNames.Name name : validated) {
      identifiers.add(name.value().toLowerCase(Locale.ROOT));
    }
    List<String> asked = requested == null ? List.of() : SubjectRules.commonNames(requested);
    for (String commonName : asked) {
      if (!identifiers.contains(commonName.toLowerCase(Locale.ROOT))) {
        throw new InvalidInputException(
            "csr", "The CSR's common name '" + commonName + "' is not a validated identifier");
      }
    }
    if (!asked.isEmpty()) {
      return asked.get(0).toLowerCase(Locale.ROOT);
    }
    return validated.stream()
        .filter(n -> n.type() == SanType.DNS && n.value().length() <= SubjectRules.MAX_COMMON_NAME)
        .map(SubjectAltNames.Name::value)
        .findFirst()
        .orElse(null);
  }

  /**
   * A renewal that does not copy the old content may ask for no name and no attribute the old
   * certificate lacked.
   */
  private static void requireSubset(
      Request request, X500Name previousSubject, List<SubjectAltNames.Name> previousNames) {
    Set<String> previousAttributes = new HashSet<>();
    for (RDN rdn : previousSubject.getRDNs()) {
      previousAttributes.add(attribute(rdn));
    }
    for (RDN rdn : request.subject().getRDNs()) {
      if (!previousAttributes.contains(attribute(rdn))) {
        throw new InvalidInputException(
            "csr",
            "A renewal can keep or drop the renewed certificate's subject attributes,"
                + " not add new ones");
      }
    }
    Set<SubjectAltNames.Name> allowed = new LinkedHashSet<>(previousNames);
    for (SubjectAltNames.Name name : request.subjectAltNames()) {
      if (!allowed.contains(name)) {
        throw new InvalidInputException(
            "csr",
            "A renewal can ask only for names of the renewed certificate; "
                + name
                + " is not one of them");
      }
    }
  }

  /**
   * An attribute compared as RFC 5280 §7.1 does: type, and the value case- and space-folded,
   * whatever its string type.
   */
  private static String attribute(RDN rdn) {
    return rdn.getFirst().getType().getId()
        + "="
        + IETFUtils.canonicalString(rdn.getFirst().getValue());
  }

  private static List<SubjectAltNames.Name> names(X509CertificateHolder certificate) {
    return new ArrayList<>(
        SubjectAltNames.of(
            "csr",
            GeneralNames.fromExtensions(
                certificate.getExtensions(), Extension.subjectAlternativeName)));
  }

  private static void checkNamesText(String field, List<SubjectAltNames.Name> names) {
    for (SubjectAltNames.Name name : names) {
      SubjectRules.checkText(field, name.value());
    }
  }
}
