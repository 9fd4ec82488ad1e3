package org.pkiaas.tenant.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.problem.UnauthenticatedException;
import org.pkiaas.tenant.control.CredentialsChanged;
import org.pkiaas.tenant.control.PasswordHasher;
import org.pkiaas.tenant.entity.Account;
import org.pkiaas.tenant.entity.ApiToken;

/**
 * Personal API tokens for integrators ({@code Authorization: Bearer}). The secret is returned once,
 * at creation; only its hash is kept.
 */
@Stateless
public class ApiTokens {

  static final String TOKEN_PREFIX = "pkiaas_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final Logger LOG = Logger.getLogger(ApiTokens.class.getName());

  /** How precisely a token's last use is kept. */
  private static final java.time.Duration LAST_USE_STEP = java.time.Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;

  @Resource SessionContext context;

  @Inject Event<CredentialsChanged> credentialsChanged;

  @Audited(value = "token.create", objectType = "API_TOKEN")
  public NewApiToken create(Caller caller, String name, Integer validityDays) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidInputException("name", "A token needs a name of 1 to 100 characters");
    }
    if (validityDays != null && (validityDays < 1 || validityDays > 3650)) {
      throw new InvalidInputException(
          "validityDays", "A token is valid for 1 to 3650 days, or without end when omitted");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expiresAt =
        validityDays == null ? null : Instant.now().plus(validityDays, ChronoUnit.DAYS);
    if (caller.notAfter() != null && (expiresAt == null || expiresAt.isAfter(caller.notAfter()))) {
      // Otherwise a short-lived token could mint itself a successor that never expires.
      throw new InvalidInputException(
          "validityDays",
          "A token made with an API token cannot outlive it: this one expires on "
              + caller.notAfter()
              + ", so choose at most "
              + Math.max(0, ChronoUnit.DAYS.between(Instant.now(), caller.notAfter()))
              + " days");
    }
    Account account = em.find(Account.class, caller.accountId());
    ApiToken stored =
        new ApiToken(
            account,
            name.trim(),
            PasswordHasher.sha256Hex(token),
            token.substring(0, TOKEN_PREFIX.length() + 4),
            expiresAt);
    em.persist(stored);
    return new NewApiToken(stored, token);
  }

  public List<ApiToken> list(Caller caller) {
    return em.createNamedQuery("ApiToken.byAccount", ApiToken.class)
        .setParameter("accountId", caller.accountId())
        .getResultList();
  }

  @Audited(value = "token.revoke", objectType = "API_TOKEN", objectIdArgument = 1)
  public void revoke(Caller caller, String tokenId) {
    ApiToken token = em.find(ApiToken.class, tokenId);
    if (token == null || !token.account().id().equals(caller.accountId())) {
      throw new NotFoundException("API token", tokenId);
    }
    em.remove(token);
    credentialsChanged.fire(new CredentialsChanged(caller.accountId()));
  }

  /** Revokes every token of the account: a password change ends what the old password made. */
  public void revokeAll(Account account) {
    em.createNamedQuery("ApiToken.deleteByAccount")
        .setParameter("accountId", account.id())
        .executeUpdate();
    credentialsChanged.fire(new CredentialsChanged(account.id()));
  }

  /**
   * Resolves a presented bearer token to its account, and whether that account must change its
   * generated password first; expired and unknown tokens, and tokens of a disabled account, are
   * refused alike. One read with no transaction of its own (as {@link Accounts#signIn}): a
   * transaction of its own would add three round trips to the database to every API call
   * (autocommit off, COMMIT, autocommit on). The token's last use is written at most once a minute
   * per token, in a short transaction of its own ({@link #markUsed}), the only call of the minute
   * that pays one: a write on every request would make all requests with one token wait for each
   * other's commits on its row. The last use is for the owner's information: failing to record it
   * fails no sign-in.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Accounts.SignIn signIn(String presented) {
    if (presented == null || !presented.startsWith(TOKEN_PREFIX)) {
      throw new UnauthenticatedException("Invalid or expired API token");
    }
    Instant now = Instant.now();
    ApiToken token =
        em.createNamedQuery("ApiToken.findByHash", ApiToken.class)
            .setParameter("hash", PasswordHasher.sha256Hex(presented))
            .getResultStream()
            .findFirst()
            .filter(t -> !t.expiredAt(now) && t.account().enabled())
            .orElseThrow(() -> new UnauthenticatedException("Invalid or expired API token"));
    if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USE_STEP))) {
      try {
        context.getBusinessObject(ApiTokens.class).markUsed(token.id(), now);
      } catch (jakarta.ejb.EJBException | jakarta.persistence.PersistenceException e) {
        LOG.log(
            Level.WARNING,
            "The last use of API token {0} was not recorded: {1}",
            new Object[] {token.id(), e.getMessage()});
      }
    }
    Account account = token.account();
    return new Accounts.SignIn(
        new Caller(account.id(), account.username(), account.role(), token.expiresAt()),
        account.mustChangePassword());
  }

  /**
   * Records a token's use, unless another request recorded one within {@link #LAST_USE_STEP}: one
   * {@code UPDATE}, no read. Harmless when the token was revoked meanwhile (nothing to update).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void markUsed(String tokenId, Instant now) {
    em.createNamedQuery("ApiToken.markUsed")
        .setParameter("id", tokenId)
        .setParameter("now", now)
        .setParameter("before", now.minus(LAST_USE_STEP))
        .executeUpdate();
  }
}
