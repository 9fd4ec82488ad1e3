package org.pkiaas.issuance.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierId;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.KeyAlgorithm;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.x509.CertificateTimes;
import org.pkiaas.x509.KeyIdentifiers;
import org.pkiaas.x509.KeyUsages;
import org.pkiaas.x509.SanType;
import org.pkiaas.x509.SubjectAltNames;

/**
 * The certificate a template, a request and the signer's overrides make: a pure function from those
 * inputs to the to-be-signed certificate (RFC 5280 §4.1) and its extensions (§4.2). It takes
 * content the intake policy approved and adds what the template decides: key checks, usages,
 * distribution points, policies.
 *
 * <p>Longer than 300 lines on purpose: it is the whole RFC 5280 profile of an issued certificate,
 * one extension per short method, and kept in one pure function so that {@code
 * CertificateProfileTest} can check every template option against every request without a
 * container. Splitting it would scatter the order in which extensions are decided.
 */
public final class CertificateProfile {

  static final Duration BACKDATE = Duration.ofMinutes(5);

  /**
   * The issuing CA as the profile needs it.
   *
   * @param notAfter the end of {@code certificate}'s validity, as the CA keeps it: read from the
   *     certificate's encoding, it costs a date parse per issuance
   */
  public record Issuer(
      String caId,
      X509CertificateHolder certificate,
      Instant notAfter,
      KeySpec keySpec,
      String signatureAlgorithm,
      String publicUrl,
      String cpsUrl) {

    /** The CA of {@code certificate}, its validity's end read from the certificate. */
    public Issuer(
        String caId,
        X509CertificateHolder certificate,
        KeySpec keySpec,
        String signatureAlgorithm,
        String publicUrl,
        String cpsUrl) {
      this(
          caId,
          certificate,
          certificate.getNotAfter().toInstant(),
          keySpec,
          signatureAlgorithm,
          publicUrl,
          cpsUrl);
    }
  }

  /** What a request asks for: its key, subject, names and (from a CSR) requested extensions. */
  public record Request(
      SubjectPublicKeyInfo publicKey,
      X500Name subject,
      List<SubjectAltNames.Name> subjectAltNames,
      org.bouncycastle.asn1.x509.Extensions requestedExtensions) {}

  /** What the person signing may change; null fields keep the request's or template's value. */
  public record Overrides(
      X500Name subject, List<SubjectAltNames.Name> subjectAltNames, Integer validityDays) {

    public static final Overrides NONE = new Overrides(null, null, null);
  }

  /** The certificate to sign, with the facts the issuance records. */
  public record ToBeSigned(
      X509v3CertificateBuilder builder,
      String signatureAlgorithm,
      X500Name subject,
      List<SubjectAltNames.Name> subjectAltNames,
      Instant notBefore,
      Instant notAfter) {}

  private CertificateProfile() {}

  /**
   * The certificate of a request an administrator signs with {@code overrides}: the ADMIN_CSR
   * channel of the intake policy.
   */
  public static ToBeSigned build(
      TemplateSettings template,
      Issuer issuer,
      Request request,
      Overrides overrides,
      BigInteger serial,
      Instant now) {
    Evidence.AdminDecision decision =
        new Evidence.AdminDecision(
            overrides.subject(), overrides.subjectAltNames(), overrides.validityDays());
    ApprovedContent content =
        IntakePolicy.approve(
            template, issuer.certificate(), new Intake(Channel.ADMIN_CSR, request, decision));
    return build(template, issuer, request.publicKey(), content, serial, now);
  }

  /**
   * The certificate of content the intake policy approved, for {@code publicKey}, a key already
   * decoded and so known to be well formed (see {@link RequestedKey#spec}).
   */
  public static ToBeSigned build(
      TemplateSettings template,
      Issuer issuer,
      SubjectPublicKeyInfo publicKey,
      ApprovedContent content,
      BigInteger serial,
      Instant now) {
    KeySpec key = checkKey(template, publicKey);
    X500Name subject = content.subject();
    List<SubjectAltNames.Name> names = content.subjectAltNames();
    Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
    Instant notAfter = notBefore.plus(content.validityDays(), ChronoUnit.DAYS);
    Instant caNotAfter = issuer.notAfter();
    if (notAfter.isAfter(caNotAfter)) {
      notAfter = caNotAfter; // a certificate never outlives its issuer
    }
    X509v3CertificateBuilder builder =
        new X509v3CertificateBuilder(
            issuer.certificate().getSubject(),
            serial,
            CertificateTimes.of(notBefore),
            CertificateTimes.of(notAfter),
            subject,
            publicKey);
    try {
      addExtensions(builder, template, issuer, publicKey, key, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String algorithm =
        template.general().signatureAlgorithm() != null
            ? template.general().signatureAlgorithm()
            : issuer.signatureAlgorithm();
    return new ToBeSigned(builder, algorithm, subject, names, notBefore, notAfter);
  }

  private static void addExtensions(
      X509v3CertificateBuilder builder,
      TemplateSettings template,
      Issuer issuer,
      SubjectPublicKeyInfo publicKey,
      KeySpec key,
      ApprovedContent content)
      throws IOException {
    X500Name subject = content.subject();
    List<SubjectAltNames.Name> names = content.subjectAltNames();
    TemplateSettings.Constraints constraints = template.basicConstraints();
    builder.addExtension(
        Extension.basicConstraints,
        true,
        !constraints.ca()
            ? new BasicConstraints(false)
            : constraints.pathLength() == null
                ? new BasicConstraints(true)
                : new BasicConstraints(constraints.pathLength()));
    List<String> keyUsage = usableKeyUsage(template.keyUsage().keyUsage(), key);
    if (!keyUsage.isEmpty()) {
      builder.addExtension(Extension.keyUsage, true, KeyUsages.keyUsage(keyUsage));
    }
    if (!template.keyUsage().extendedKeyUsage().isEmpty()) {
      builder.addExtension(
          Extension.extendedKeyUsage,
          template.keyUsage().extendedKeyUsageCritical(),
          KeyUsages.extendedKeyUsage(template.keyUsage().extendedKeyUsage()));
    }
    builder.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subject(publicKey));
    builder.addExtension(
        Extension.authorityKeyIdentifier, false, KeyIdentifiers.authority(issuer.certificate()));
    if (!names.isEmpty()) {
      // RFC 5280 §4.2.1.6: critical when the subject is empty
      builder.addExtension(
          Extension.subjectAlternativeName,
          subject.getRDNs().length == 0,
          SubjectAltNames.encode(names));
    }
    addDistribution(builder, template.distribution(), issuer);
    if (template.keyUsage().ocspNoCheck()) {
      builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
    }
    for (Extension requested : content.requestedExtensions()) {
      builder.addExtension(requested); // allow-listed by the intake policy
    }
  }

  private static void addDistribution(
      X509v3CertificateBuilder builder, TemplateSettings.Distribution distribution, Issuer issuer)
      throws IOException {
    String base = issuer.publicUrl();
    List<AccessDescription> access = new ArrayList<>();
    if (distribution.includeAia()) {
      String caIssuers =
          distribution.caIssuersUrl() != null
              ? distribution.caIssuersUrl()
              : base + "/pki/ca/" + issuer.caId() + ".crt";
      access.add(new AccessDescription(AccessDescription.id_ad_caIssuers, uri(caIssuers)));
    }
    if (distribution.includeOcsp()) {
      access.add(
          new AccessDescription(
              AccessDescription.id_ad_ocsp, uri(base + "/pki/ocsp/" + issuer.caId())));
    }
    if (!access.isEmpty()) {
      builder.addExtension(
          Extension.authorityInfoAccess,
          false,
          new AuthorityInformationAccess(access.toArray(new AccessDescription[0])));
    }
    if (distribution.includeCrl()) {
      builder.addExtension(
          Extension.cRLDistributionPoints,
          false,
          distributionPoints(base + "/pki/crl/" + issuer.caId() + ".crl"));
    }
    if (distribution.includeFreshestCrl()) {
      builder.addExtension(
          Extension.freshestCRL,
          false,
          distributionPoints(base + "/pki/crl/" + issuer.caId() + "-delta.crl"));
    }
    if (distribution.includePolicies()) {
      String cps = issuer.cpsUrl() != null ? issuer.cpsUrl() : base + "/cps/" + issuer.caId();
      PolicyQualifierInfo qualifier =
          new PolicyQualifierInfo(PolicyQualifierId.id_qt_cps, new DERIA5String(cps));
      builder.addExtension(
          Extension.certificatePolicies,
          false,
          new CertificatePolicies(
              new PolicyInformation(
                  new ASN1ObjectIdentifier(distribution.policyOid()),
                  new org.bouncycastle.asn1.DERSequence(qualifier))));
    }
  }

  private static CRLDistPoint distributionPoints(String url) {
    DistributionPointName name = new DistributionPointName(new GeneralNames(uri(url)));
    return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)});
  }

  private static GeneralName uri(String url) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, url);
  }

  /** Keys that cannot encrypt get no encipherment usages (RFC 5480 §3, RFC 8410 §5, RFC 9881). */
  static List<String> usableKeyUsage(List<String> keyUsage, KeySpec key) {
    if (key.algorithm() == KeyAlgorithm.RSA) {
      return keyUsage;
    }
    List<String> usable = new ArrayList<>(keyUsage);
    usable.remove("keyEncipherment");
    usable.remove("dataEncipherment");
    if (key.algorithm() != KeyAlgorithm.EC) {
      usable.remove("keyAgreement");
    }
    return usable;
  }

  /** The template's rules on a request, checked before it is queued: key and name types. */
  public static void check(TemplateSettings template, Request request) {
    checkKey(template, request.publicKey());
    IntakePolicy.checkQueued(
        template, new Intake(Channel.PUBLIC_REQUEST, request, Evidence.AdminDecision.AS_REQUESTED));
  }

  static KeySpec checkKey(TemplateSettings template, SubjectPublicKeyInfo publicKey) {
    KeySpec key = RequestedKey.spec("csr", publicKey);
    TemplateSettings.Requests rules = template.requests();
    if (!rules.allowedKeyTypes().contains(key.algorithm().name())) {
      throw new InvalidInputException(
          "csr",
          "This template does not accept " + key + " keys; it accepts " + rules.allowedKeyTypes());
    }
    if (key.algorithm() == KeyAlgorithm.RSA
        && Integer.parseInt(key.parameter()) < rules.minimumRsaBits()) {
      throw new InvalidInputException(
          "csr", "This template requires RSA keys of at least " + rules.minimumRsaBits() + " bits");
    }
    return key;
  }

  public static void checkNames(TemplateSettings template, List<SubjectAltNames.Name> names) {
    List<SanType> allowed = template.requests().allowedSanTypes();
    for (SubjectAltNames.Name name : names) {
      if (!allowed.contains(name.type())) {
        throw new InvalidInputException(
            "subjectAltNames",
            "This template does not allow "
                + name.type()
                + " names ("
                + name
                + "); it allows "
                + allowed);
      }
    }
  }
}
