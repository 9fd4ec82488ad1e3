package org.pkiaas.acme.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.pkiaas.acme.entity.AcmePolicy;
import org.pkiaas.acme.entity.ExternalAccountBinding;
import org.pkiaas.acme.entity.MacAlgorithm;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.identity.Caller;
import org.pkiaas.input.PlainText;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.signing.KeyWrapper;

/**
 * External account bindings of an ACME policy (user guide 5.3; RFC 8555 §7.3.4). The HMAC key is
 * random, returned once at creation and stored wrapped under the master key.
 */
@Stateless
public class ExternalAccountBindings {

  private static final String KIND = "External account binding";
  private static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);
  private static final int MAX_USES = 1_000_000;
  private final SecureRandom random = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Inject AcmePolicies policies;

  @Inject KeyWrapper keyWrapper;

  /**
   * What the administrator asks for; null uses and expiry mean one use and 30 days, null algorithm
   * HS256.
   */
  public record BindingRequest(
      @Size(max = 200, message = "A binding name has at most {max} characters") @PlainText
          String name,
      Integer allowedUses,
      Instant expiresAt,
      @Pattern(regexp = "HS256|HS384|HS512", message = "The algorithm is HS256, HS384 or HS512")
          String algorithm) {}

  /**
   * A new binding and its HMAC key, base64url without padding as ACME clients take it; shown this
   * once.
   */
  public record NewBinding(ExternalAccountBinding binding, String hmacKey) implements Identified {

    @Override
    public String id() {
      return binding.id();
    }
  }

  @Audited(value = "acme.eab.create", objectType = "ACME_EAB")
  public NewBinding create(Caller caller, String policyId, BindingRequest request) {
    AcmePolicy policy = policies.get(caller, policyId);
    if (request == null
        || request.name() == null
        || request.name().isBlank()
        || request.name().trim().length() > 200) {
      throw new InvalidInputException("name", "A binding needs a name of at most 200 characters");
    }
    String name = request.name().trim();
    int uses = request.allowedUses() == null ? 1 : request.allowedUses();
    if (uses < 1 || uses > MAX_USES) {
      throw new InvalidInputException("allowedUses", "Allowed uses are 1 to " + MAX_USES);
    }
    Instant now = Instant.now();
    Instant expires =
        request.expiresAt() == null ? now.plus(DEFAULT_VALIDITY) : request.expiresAt();
    if (!expires.isAfter(now)) {
      throw new InvalidInputException("expiresAt", "The expiry must be in the future");
    }
    MacAlgorithm algorithm = MacAlgorithm.parse(request.algorithm());
    if (algorithm == null) {
      throw new InvalidInputException("algorithm", "The algorithm is HS256, HS384 or HS512");
    }
    boolean taken =
        !em.createNamedQuery("ExternalAccountBinding.byPolicyAndName", ExternalAccountBinding.class)
            .setParameter("policyId", policy.id())
            .setParameter("name", name)
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new ConflictException("This policy already has a binding named '" + name + "'");
    }
    ExternalAccountBinding binding =
        new ExternalAccountBinding(policy.id(), name, algorithm, uses, expires);
    byte[] key = algorithm.newKey(random);
    binding.storeWrappedKey(keyWrapper.seal(key, binding.wrappingContext()));
    em.persist(binding);
    return new NewBinding(binding, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
  }

  public List<ExternalAccountBinding> list(Caller caller, String policyId) {
    AcmePolicy policy = policies.get(caller, policyId);
    return em.createNamedQuery("ExternalAccountBinding.byPolicy", ExternalAccountBinding.class)
        .setParameter("policyId", policy.id())
        .getResultList();
  }

  public ExternalAccountBinding get(Caller caller, String policyId, String bindingId) {
    AcmePolicy policy = policies.get(caller, policyId);
    ExternalAccountBinding binding =
        bindingId == null ? null : em.find(ExternalAccountBinding.class, bindingId);
    if (binding == null || !binding.policyId().equals(policy.id())) {
      throw new NotFoundException(KIND, bindingId);
    }
    return binding;
  }

  /** Accounts already registered with the binding keep working. */
  @Audited(value = "acme.eab.delete", objectType = "ACME_EAB", objectIdArgument = 2)
  public void delete(Caller caller, String policyId, String bindingId) {
    em.remove(get(caller, policyId, bindingId));
  }
}
