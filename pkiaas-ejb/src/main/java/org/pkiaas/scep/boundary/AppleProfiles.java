package org.pkiaas.scep.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.identity.Caller;
import org.pkiaas.issuance.boundary.ClaimLink;
import org.pkiaas.issuance.boundary.PreApprovals;
import org.pkiaas.issuance.control.ClaimLinks;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.issuance.entity.RequestStatus;
import org.pkiaas.mail.boundary.Mailer;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.scep.boundary.ScepTemplates.ScepTemplate;
import org.pkiaas.scep.control.AppleProfile;
import org.pkiaas.scep.control.RegistrationAuthorities;
import org.pkiaas.scep.entity.ScepChallenge;
import org.pkiaas.tenant.boundary.AnonymousRateLimits;
import org.pkiaas.tenant.boundary.RateLimit;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.SubjectAltNames;

/**
 * Apple devices without MDM (user guide 6.4): a pre-approved request whose holder gets a link to a
 * signed configuration profile instead of a claim link. The profile carries the template's SCEP
 * URL, the pre-approved subject and names, and a one-time challenge bound to that request, which
 * authorises exactly that content once (see {@link ScepEnrollments}). The link's token is random;
 * only its hash is stored, and the challenge is derived from it, so neither is kept in clear.
 */
@Stateless
public class AppleProfiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Inject PreApprovals preApprovals;

  @Inject ScepTemplates scepTemplates;

  @Inject RegistrationAuthorities authorities;

  @Inject PkiaasConfig config;

  @Inject Mailer mailer;

  @Inject AnonymousRateLimits limits;

  /** The pre-approved request and the profile link handed to its holder. */
  @Audited(value = "request.preapprove-apple", objectType = "REQUEST")
  public PreApprovals.Outcome preApprove(
      Caller caller, String templateId, PreApprovals.PreApproval approval) {
    if (approval.csr() != null && !approval.csr().isBlank()) {
      throw new InvalidInputException(
          "csr", "An Apple device makes its own key: leave the CSR out");
    }
    List<SubjectAltNames.Name> names =
        approval.subjectAltNames() == null
            ? List.of()
            : SubjectAltNames.parse("subjectAltNames", approval.subjectAltNames());
    if (!AppleProfile.expressible(names)) {
      throw new InvalidInputException(
          "subjectAltNames", "Apple's SCEP profile cannot ask for IP addresses");
    }
    PreApprovals.Outcome outcome = preApprovals.create(caller, templateId, approval);
    ScepTemplate scep;
    try {
      scep = scepTemplates.open(templateId);
    } catch (NotFoundException e) {
      throw new InvalidInputException(
          "appleDevice", "Switch SCEP on in the template's SCEP tab before making Apple profiles");
    }
    CertificateRequest request = outcome.request();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expiresAt =
        Instant.now()
            .plus(config.claimValidityDays(), ChronoUnit.DAYS)
            .truncatedTo(ChronoUnit.SECONDS);
    ScepChallenge challenge =
        new ScepChallenge(scep.template().id(), challenge(token), request.id(), expiresAt);
    challenge.profileToken(ClaimLinks.hash(token));
    em.persist(challenge);
    ClaimLink link = new ClaimLink(token, url(token), expiresAt);
    if (request.requesterEmail() != null) {
      mailer.queue(
          request.requesterEmail(),
          "Your certificate profile for Apple devices",
          "Hello,\n\nA certificate ("
              + scep.template().name()
              + ") has been approved for your Apple device"
              + (request.approvedSubjectDn().isBlank() ? "" : ": " + request.approvedSubjectDn())
              + ".\n\nOpen this link on the iPhone, iPad or Mac before "
              + expiresAt
              + " and install the profile it downloads (Settings, Profile Downloaded):\n\n  "
              + link.url()
              + "\n\nThe device then requests its certificate by itself. It works once.\n");
    }
    return new PreApprovals.Outcome(request, link, null);
  }

  /**
   * The signed profile behind a link, while its request waits for its certificate; anything else is
   * not found. Rate-limited per address, like every page reachable without an account.
   */
  public byte[] download(String token, String clientAddress) {
    limits.admit(RateLimit.Kind.CLAIM, clientAddress);
    ScepChallenge challenge =
        token == null || token.length() > 100
            ? null
            : em.createNamedQuery("ScepChallenge.byProfileToken", ScepChallenge.class)
                .setParameter("hash", ClaimLinks.hash(token))
                .setParameter("now", Instant.now())
                .getResultStream()
                .findFirst()
                .orElse(null);
    CertificateRequest request =
        challenge == null ? null : em.find(CertificateRequest.class, challenge.requestId());
    if (request == null || request.status() != RequestStatus.APPROVED) {
      throw NotFoundException.because("There is no profile here, or its certificate was issued");
    }
    ScepTemplate scep = scepTemplates.open(request.templateId(), clientAddress, false);
    RegistrationAuthorities.Ra ra = authorities.current(scep.ca());
    byte[] plist =
        AppleProfile.plist(
            new AppleProfile.Content(
                scep.template().name() + " certificate",
                "org.pkiaas.scep." + request.id(),
                ScepUrls.of(config.publicUrl(), scep.template().id()).scep(),
                scep.ca().name(),
                new X500Name(request.approvedSubjectDn()),
                SubjectAltNames.parse("subjectAltNames", request.approvedSubjectAltNames()),
                challenge(token),
                Der.certificate(scep.ca().certificate())));
    return AppleProfile.signed(
        plist, ra.key(), ra.certificate(), List.of(Der.certificate(scep.ca().certificate())));
  }

  /** The profile's download URL. */
  String url(String token) {
    return config.publicUrl() + "/pki/apple-profiles/" + token + ".mobileconfig";
  }

  /**
   * The one-time challenge of a profile: derived from its link's token (HMAC-SHA256), 32 hex
   * digits, so the profile can be made again from the link and nothing secret is stored.
   */
  static String challenge(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      byte[] derived = mac.doFinal("pkiaas scep challenge".getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().withUpperCase().formatHex(derived, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
