package org.pkiaas.acme.boundary;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.pkiaas.acme.control.EabVerification;
import org.pkiaas.acme.entity.AccountStatus;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmeOrder;
import org.pkiaas.acme.entity.AcmePolicy;
import org.pkiaas.acme.entity.ExternalAccountBinding;
import org.pkiaas.audit.boundary.AuditLog;
import org.pkiaas.signing.KeyWrapper;

/**
 * ACME accounts as their holders see them (RFC 8555 §7.3): registration with an external account
 * binding, lookup by key, contact changes and deactivation.
 */
@Stateless
public class AcmeAccounts {

  private static final int MAX_CONTACTS = 10;

  @PersistenceContext EntityManager em;

  @Inject KeyWrapper keyWrapper;

  @Inject AuditLog auditLog;

  /**
   * The outcome of newAccount: the account, and whether this request created it (201) or found it
   * (200).
   */
  public record Registration(AcmeAccount account, boolean created) {}

  /** The flattened JWS of an externalAccountBinding field, its three base64url parts. */
  public record Binding(String protectedHeader, String payload, String signature) {}

  /**
   * newAccount (§7.3): an account already registered with {@code key} is returned as it is;
   * otherwise, unless only an existing one was asked for, a new one needs a valid binding.
   */
  public Registration register(
      JWK key, Binding binding, String url, List<String> contacts, boolean onlyReturnExisting) {
    String thumbprint = thumbprint(key);
    AcmeAccount existing = byThumbprint(thumbprint);
    if (existing != null) {
      if (existing.status() != AccountStatus.VALID) {
        throw new AcmeProblem(
            AcmeError.UNAUTHORIZED, "The account of this key is " + existing.status().json());
      }
      return new Registration(existing, false);
    }
    if (onlyReturnExisting) {
      throw new AcmeProblem(
          AcmeError.ACCOUNT_DOES_NOT_EXIST, "No account is registered with this key");
    }
    if (binding == null) {
      throw new AcmeProblem(
          AcmeError.EXTERNAL_ACCOUNT_REQUIRED,
          "Registration needs an external account binding: create one for your ACME policy in PKIaaS");
    }
    EabVerification eab =
        EabVerification.parse(binding.protectedHeader(), binding.payload(), binding.signature());
    ExternalAccountBinding stored =
        eab.keyId().length() > 36
            ? null
            : em.find(ExternalAccountBinding.class, eab.keyId(), LockModeType.PESSIMISTIC_WRITE);
    if (stored == null) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED,
          "No external account binding has the key id '" + eab.keyId() + "'");
    }
    eab.verify(
        stored.algorithm(),
        keyWrapper.open(stored.wrappedKey(), stored.wrappingContext()),
        url,
        key);
    if (stored.expiredAt(Instant.now())) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED, "The external account binding expired at " + stored.expiresAt());
    }
    if (stored.exhausted()) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED,
          "The external account binding has been used its "
              + stored.allowedUses()
              + " allowed time"
              + (stored.allowedUses() == 1 ? "" : "s"));
    }
    stored.use();
    AcmeAccount account =
        new AcmeAccount(
            stored.policyId(),
            stored.id(),
            thumbprint,
            key.toPublicJWK().toJSONString(),
            checkedContacts(contacts));
    em.persist(account);
    auditLog.protocolAction(
        actor(account),
        "acme.account.register",
        "ACME_ACCOUNT",
        account.id(),
        caOf(stored.policyId()),
        "external account binding " + stored.id() + ", key " + thumbprint);
    return new Registration(account, true);
  }

  /** The account a {@code kid}-signed request speaks for; it must be valid. */
  public AcmeAccount active(String accountId) {
    AcmeAccount account = find(accountId);
    if (account.status() != AccountStatus.VALID) {
      throw new AcmeProblem(AcmeError.UNAUTHORIZED, "This account is " + account.status().json());
    }
    return account;
  }

  /** The account with this id, whatever its status. */
  public AcmeAccount find(String accountId) {
    AcmeAccount account =
        accountId == null || accountId.length() > 36 ? null : em.find(AcmeAccount.class, accountId);
    if (account == null) {
      throw new AcmeProblem(AcmeError.ACCOUNT_DOES_NOT_EXIST, "No such account");
    }
    return account;
  }

  /** Account update (§7.3.2) and deactivation (§7.3.6); null contacts leave them as they are. */
  public AcmeAccount update(String accountId, List<String> contacts, boolean deactivate) {
    AcmeAccount account = active(accountId);
    if (contacts != null) {
      account.changeContacts(checkedContacts(contacts));
    }
    if (deactivate) {
      account.deactivate();
    }
    return account;
  }

  /**
   * A keyChange request (§7.3.5) as the protocol layer read it: the outer JWS was signed by the
   * account, the inner one by {@code newKey} (its jwk; that signature has been checked).
   *
   * @param innerUrl the inner JWS's url header
   * @param innerNonce whether the inner JWS carried a nonce
   * @param account the account URL the inner payload names
   * @param oldKey the key the inner payload says it replaces
   */
  public record KeyChange(
      String innerUrl, boolean innerNonce, JWK newKey, String account, JWK oldKey) {}

  /**
   * keyChange (§7.3.5): the inner JWS names the same URL as the outer one and carries no nonce, it
   * names the account that signed the outer one, {@code oldKey} is that account's key now, and the
   * new key is no account's key yet.
   *
   * @param accountUrl the URL of the account that signed the outer JWS
   * @param keyChangeUrl the keyChange URL, which the outer JWS named
   */
  public AcmeAccount changeKey(
      String accountId, String accountUrl, String keyChangeUrl, KeyChange change) {
    if (change.innerNonce() || !keyChangeUrl.equals(change.innerUrl())) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "The inner JWS needs a jwk, the keyChange url and no nonce");
    }
    if (!accountUrl.equals(change.account())) {
      throw new AcmeProblem(AcmeError.UNAUTHORIZED, "The inner JWS names another account");
    }
    AcmeAccount account = active(accountId);
    JWK newKey = change.newKey();
    if (!account.keyThumbprint().equals(thumbprint(change.oldKey()))) {
      throw new AcmeProblem(AcmeError.UNAUTHORIZED, "oldKey is not the account's key");
    }
    String thumbprint = thumbprint(newKey);
    if (byThumbprint(thumbprint) != null) {
      throw new AcmeProblem(
          AcmeError.KEY_IN_USE, "An account is already registered with the new key");
    }
    account.changeKey(thumbprint, newKey.toPublicJWK().toJSONString());
    auditLog.protocolAction(
        actor(account),
        "acme.account.keychange",
        "ACME_ACCOUNT",
        account.id(),
        caOf(account.policyId()),
        "new key " + thumbprint);
    return account;
  }

  /** The account's orders, newest first (§7.1.2.1). */
  public List<AcmeOrder> orders(String accountId) {
    AcmeAccount account = active(accountId);
    return em.createNamedQuery("AcmeOrder.byAccount", AcmeOrder.class)
        .setParameter("accountId", account.id())
        .setMaxResults(1000)
        .getResultList();
  }

  private static String actor(AcmeAccount account) {
    return "acme:" + account.id();
  }

  private String caOf(String policyId) {
    AcmePolicy policy = policyId == null ? null : em.find(AcmePolicy.class, policyId);
    return policy == null ? null : policy.caId();
  }

  private AcmeAccount byThumbprint(String thumbprint) {
    return em.createNamedQuery("AcmeAccount.byThumbprint", AcmeAccount.class)
        .setParameter("thumbprint", thumbprint)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  static String thumbprint(JWK key) {
    try {
      return key.computeThumbprint().toString();
    } catch (JOSEException e) {
      throw new AcmeProblem(AcmeError.MALFORMED, "The account key has no RFC 7638 thumbprint");
    }
  }

  private static List<String> checkedContacts(List<String> contacts) {
    if (contacts == null) {
      return List.of();
    }
    if (contacts.size() > MAX_CONTACTS) {
      throw new AcmeProblem(AcmeError.INVALID_CONTACT, "At most " + MAX_CONTACTS + " contacts");
    }
    for (String contact : contacts) {
      if (contact == null || !contact.startsWith("mailto:")) {
        throw new AcmeProblem(AcmeError.UNSUPPORTED_CONTACT, "Only mailto: contacts are supported");
      }
      if (contact.contains(",")
          || contact.length() > 200
          || !contact.substring(7).matches("[^@\\s?]+@[^@\\s?]+\\.[^@\\s?]+")) {
        throw new AcmeProblem(
            AcmeError.INVALID_CONTACT, "'" + contact + "' is not a mailto: address");
      }
    }
    return contacts;
  }
}
