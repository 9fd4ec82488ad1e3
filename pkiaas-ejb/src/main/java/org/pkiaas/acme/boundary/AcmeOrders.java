package org.pkiaas.acme.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pkiaas.acme.control.CsrIdentifiers;
import org.pkiaas.acme.control.DnsNames;
import org.pkiaas.acme.control.OrderIdentifiers;
import org.pkiaas.acme.control.OrderLimits;
import org.pkiaas.acme.control.PreApprovedDomains;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmeAuthorization;
import org.pkiaas.acme.entity.AcmeChallenge;
import org.pkiaas.acme.entity.AcmeIdentifier;
import org.pkiaas.acme.entity.AcmeOrder;
import org.pkiaas.acme.entity.AcmePolicy;
import org.pkiaas.acme.entity.AuthorizationStatus;
import org.pkiaas.acme.entity.ChallengeType;
import org.pkiaas.acme.entity.OrderStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.issuance.boundary.IssuanceService;
import org.pkiaas.issuance.control.CertificateProfile;
import org.pkiaas.issuance.control.Channel;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.issuance.control.Evidence;
import org.pkiaas.issuance.control.Intake;
import org.pkiaas.metrics.boundary.PkiMetrics;
import org.pkiaas.pem.Pem;
import org.pkiaas.persistence.RowLocks;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.UnavailableException;
import org.pkiaas.template.control.IssuingTemplates;
import org.pkiaas.template.control.StoredTemplates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.x509.SanType;
import org.pkiaas.x509.SubjectAltNames;

/**
 * Orders, authorizations, finalization and certificates of an ACME account (RFC 8555 §7.4, §7.5).
 * Finalization goes through {@link IssuanceService} under the account's policy, so an ACME
 * certificate is an ordinary issued certificate of that CA.
 */
@Stateless
public class AcmeOrders {

  static final Duration ORDER_LIFETIME = Duration.ofDays(7);

  @PersistenceContext EntityManager em;

  @Inject AcmeAccounts accounts;

  @Inject IssuanceService issuance;

  @Inject IssuingTemplates templates;

  @Inject PkiMetrics metrics;

  @Inject AcmeRenewals renewals;

  @Inject PkiaasConfig config;

  /** An order with its authorizations. */
  public record OrderState(AcmeOrder order, List<AcmeAuthorization> authorizations) {}

  /**
   * newOrder (§7.4): names covered by the policy's pre-approved domains are authorized at once,
   * others get challenges. A retired CA takes no orders ({@code unauthorized}); the account's rate
   * limits ({@link OrderLimits}) are checked next.
   *
   * @param identifiers as the client sent them; {@link OrderIdentifiers} makes them canonical
   * @param replaces the RFC 9773 identifier of the certificate this order renews, or null
   */
  public OrderState create(String accountId, List<AcmeIdentifier> identifiers, String replaces) {
    AcmeAccount account = accounts.active(accountId);
    AcmePolicy policy = policyWithCa(account.policyId());
    try {
      em.find(CertificateAuthority.class, policy.caId()).requireIssuing();
    } catch (ConflictException e) {
      throw new AcmeProblem(AcmeError.UNAUTHORIZED, e.getMessage());
    }
    PreApprovedDomains preApproved =
        PreApprovedDomains.parse("preApprovedDomains", policy.preApprovedDomains());
    Set<AcmeIdentifier> typed = OrderIdentifiers.canonical(identifiers);
    PkiaasConfig.AcmeRateLimits limits = config.acmeRateLimits();
    if (!limits.equals(new PkiaasConfig.AcmeRateLimits(0, 0, 0))) {
      // A write, not only a row lock: Galera does not share row locks between nodes, but two
      // nodes that both bump the account's version conflict, and the second commit fails.
      RowLocks.lockedAndBumped(em, account);
      int toProve =
          (int) typed.stream().filter(i -> !(i.isDns() && preApproved.covers(i.value()))).count();
      try {
        OrderLimits.check(em, limits, account.id(), toProve);
      } catch (AcmeProblem refused) {
        metrics.rateLimitRefused("acme-orders");
        throw refused;
      }
    }
    Instant expires = Instant.now().plus(ORDER_LIFETIME);
    // pre-approved domains cover DNS names only: an IP address is always proven (RFC 8738)
    boolean allPreApproved =
        typed.stream().allMatch(i -> i.isDns() && preApproved.covers(i.value()));
    AcmeOrder order =
        new AcmeOrder(
            account.id(),
            List.copyOf(typed),
            allPreApproved ? OrderStatus.READY : OrderStatus.PENDING,
            expires);
    if (replaces != null) {
      order.replacing(renewals.replaced(account.id(), replaces));
    }
    em.persist(order);
    List<AcmeAuthorization> authorizations = new ArrayList<>();
    for (AcmeIdentifier identifier : typed) {
      authorizations.add(authorize(order, identifier, preApproved, expires));
    }
    metrics.acmeOrder("created");
    return new OrderState(order, authorizations);
  }

  /**
   * The authorization of one identifier: valid when pre-approved; otherwise pending with dns-01,
   * http-01 and tls-alpn-01, a wildcard with dns-01 only (RFC 8555 §7.1.3), an IP address without
   * dns-01 (RFC 8738 §7).
   */
  private AcmeAuthorization authorize(
      AcmeOrder order, AcmeIdentifier identifier, PreApprovedDomains preApproved, Instant expires) {
    String value = identifier.value();
    boolean dns = identifier.isDns();
    boolean covered = dns && preApproved.covers(value);
    AcmeAuthorization authorization =
        new AcmeAuthorization(
            order.id(),
            dns ? AcmeIdentifier.dns(DnsNames.base(value)) : identifier,
            dns && DnsNames.isWildcard(value),
            covered ? AuthorizationStatus.VALID : AuthorizationStatus.PENDING,
            expires);
    em.persist(authorization);
    if (!covered) {
      if (dns) {
        em.persist(new AcmeChallenge(authorization.id(), ChallengeType.DNS_01, token()));
      }
      if (!authorization.wildcard()) {
        em.persist(new AcmeChallenge(authorization.id(), ChallengeType.HTTP_01, token()));
        em.persist(new AcmeChallenge(authorization.id(), ChallengeType.TLS_ALPN_01, token()));
      }
    }
    return authorization;
  }

  /** A challenge token (§8.1): 128 bits or more of entropy, base64url. */
  private static String token() {
    byte[] bytes = new byte[32];
    org.pkiaas.random.Randomness.current().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public OrderState get(String accountId, String orderId) {
    AcmeOrder order = owned(accountId, orderId);
    return new OrderState(order, authorizations(order.id()));
  }

  public AcmeAuthorization authorization(String accountId, String authorizationId) {
    AcmeAuthorization authorization =
        authorizationId == null || authorizationId.length() > 36
            ? null
            : em.find(AcmeAuthorization.class, authorizationId);
    if (authorization == null) {
      throw new AcmeProblem(AcmeError.NOT_FOUND, "No such authorization");
    }
    owned(accountId, authorization.orderId());
    return authorization;
  }

  /**
   * finalize (§7.4): the CSR must ask for exactly the order's names and pass the template's rules.
   */
  public OrderState finalize(String accountId, String orderId, byte[] csrDer) {
    AcmeOrder order = owned(accountId, orderId);
    if (order.status() != OrderStatus.READY) {
      throw new AcmeProblem(
          AcmeError.ORDER_NOT_READY, "The order is " + order.status().json() + ", not ready");
    }
    if (!Instant.now().isBefore(order.expiresAt())) {
      throw new AcmeProblem(AcmeError.ORDER_NOT_READY, "The order expired at " + order.expiresAt());
    }
    AcmePolicy policy = em.find(AcmePolicy.class, accounts.active(accountId).policyId());
    // the template's CA is the policy's; both as this node read them a moment ago
    StoredTemplates.WithCa issuing = templates.find(policy.templateId());
    CertificateTemplate template = issuing.template();
    CertificateAuthority ca = issuing.ca();
    List<SubjectAltNames.Name> names =
        order.identifiers().stream()
            .map(i -> new SubjectAltNames.Name(i.isDns() ? SanType.DNS : SanType.IP, i.value()))
            .toList();
    IssuedCertificate issued;
    try {
      CertificateProfile.Request request = CsrReader.read("csr", csrDer).request();
      CsrIdentifiers.requireMatch(request, new LinkedHashSet<>(order.identifiers()));
      CertificateProfile.check(template.settings(), request);
      // the subject is built on the server from the validated names: nothing else of the CSR's is
      // copied
      issued =
          issuance.issue(
              ca,
              template,
              new Intake(Channel.ACME, request, new Evidence.ValidatedIdentifiers(names)),
              order.id(),
              "acme:" + accountId);
    } catch (InvalidInputException e) {
      throw new AcmeProblem(AcmeError.BAD_CSR, e.getMessage());
    } catch (ConflictException | UnavailableException e) {
      throw new AcmeProblem(
          AcmeError.SERVER_INTERNAL, "The CA cannot issue now: " + e.getMessage());
    }
    order.issued(issued.id());
    metrics.acmeOrder("valid");
    return new OrderState(order, authorizations(order.id()));
  }

  /** The certificate of a valid order and its CA chain, PEM (§7.4.2). */
  public String certificateChain(String accountId, String orderId) {
    AcmeOrder order = owned(accountId, orderId);
    if (order.certificateId() == null) {
      throw new AcmeProblem(AcmeError.NOT_FOUND, "The order has no certificate");
    }
    Object[] found =
        em.createNamedQuery(IssuedCertificate.WITH_CA, Object[].class)
            .setParameter("id", order.certificateId())
            .getSingleResult();
    IssuedCertificate certificate = (IssuedCertificate) found[0];
    CertificateAuthority ca = (CertificateAuthority) found[1];
    return Pem.certificate(certificate.der()) + ca.certificateChainPem();
  }

  /** The policy and its CA, in one statement; the CA is then found without one. */
  private AcmePolicy policyWithCa(String policyId) {
    List<Object[]> found =
        em.createNamedQuery(AcmePolicy.WITH_CA, Object[].class)
            .setParameter("id", policyId)
            .getResultList();
    if (found.isEmpty()) {
      throw new AcmeProblem(AcmeError.UNAUTHORIZED, "The account's ACME policy no longer exists");
    }
    return (AcmePolicy) found.get(0)[0];
  }

  private AcmeOrder owned(String accountId, String orderId) {
    AcmeAccount account = accounts.active(accountId);
    AcmeOrder order =
        orderId == null || orderId.length() > 36 ? null : em.find(AcmeOrder.class, orderId);
    if (order == null || !order.accountId().equals(account.id())) {
      throw new AcmeProblem(AcmeError.NOT_FOUND, "No such order");
    }
    return order;
  }

  private List<AcmeAuthorization> authorizations(String orderId) {
    return em.createNamedQuery("AcmeAuthorization.byOrder", AcmeAuthorization.class)
        .setParameter("orderId", orderId)
        .getResultList();
  }
}
