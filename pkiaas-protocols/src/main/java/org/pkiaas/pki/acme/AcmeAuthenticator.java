package org.pkiaas.pki.acme;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.pkiaas.acme.boundary.AcmeAccounts;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeNonces;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.entity.AcmeAccount;

/**
 * Who sent an ACME request, and whether it may be served (RFC 8555 §6.2–§6.5): the JWS {@code url}
 * header names the resource requested (§6.4), the nonce is fresh (§6.5), and the signature verifies
 * with the key the request names: a {@code jwk} for newAccount and revocation by certificate key
 * (§7.3, §7.6), otherwise the key of the account whose URL is the {@code kid} (§6.2).
 *
 * <p>The nonce-commit choreography: the nonce's use is written in the request's transaction, which
 * must be active when {@link #byAccount} or {@link #byKey} is called. When that transaction
 * commits, the request's {@link PresentedNonce} learns it; when it rolls back (the request failed),
 * {@link NonceUseOnFailure} records the use again on its own, so a refused request cannot be
 * replayed.
 */
@ApplicationScoped
public class AcmeAuthenticator {

  @Inject AcmeUrls urls;

  @Inject AcmeNonces nonces;

  @Inject PresentedNonce presentedNonce;

  @Inject AccountVerifiers verifiers;

  @Inject AcmeAccounts accounts;

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * A request whose url, nonce and signature checked out.
   *
   * @param accountId the signing account; null when signed with a jwk
   */
  record Authenticated(JwsMessage message, String accountId) {

    /** The payload as the resource's typed record reads it; {} for POST-as-GET (§6.3). */
    JsonObject payload() {
      return message.payloadOrEmpty();
    }

    boolean postAsGet() {
      return message.postAsGet();
    }
  }

  /** A request signed by an account: its URL as {@code kid} (§6.2). */
  Authenticated byAccount(String body, String url) {
    return authenticate(JwsMessage.parse(body), url, false);
  }

  /** A request signed with the key in its {@code jwk} header: newAccount (§7.3). */
  Authenticated byKey(String body, String url) {
    return authenticate(JwsMessage.parse(body), url, true);
  }

  /**
   * revokeCert (§7.6) is signed either way: by an account, or by the certificate's key in a {@code
   * jwk} header.
   */
  Authenticated eitherWay(String body, String url) {
    JwsMessage message = JwsMessage.parse(body);
    return authenticate(message, url, message.jwk() != null);
  }

  private Authenticated authenticate(JwsMessage message, String url, boolean jwkExpected) {
    if (!url.equals(message.url())) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED, "The JWS url header must be the URL requested, " + url);
    }
    presentedNonce.set(message.nonce());
    if (!nonces.consume(message.nonce())) {
      presentedNonce.clear();
      throw new AcmeProblem(
          AcmeError.BAD_NONCE, "The nonce is unknown, used or expired: take the fresh one");
    }
    transactions.registerInterposedSynchronization(new NonceCommit(presentedNonce));
    if (jwkExpected) {
      if (message.jwk() == null) {
        throw new AcmeProblem(
            AcmeError.MALFORMED, "This request is signed with the key in a jwk header, not a kid");
      }
      message.verify(JwsMessage.verifier(message.jwk()));
      return new Authenticated(message, null);
    }
    String kid = message.kid();
    if (kid == null || !kid.startsWith(urls.accountPrefix())) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "This request is signed with an account: its URL as kid");
    }
    AcmeAccount account = accounts.find(kid.substring(urls.accountPrefix().length()));
    message.verify(verifiers.of(account));
    return new Authenticated(message, account.id());
  }

  /**
   * Tells the request's {@link PresentedNonce} when the transaction that used the nonce commits.
   */
  private record NonceCommit(PresentedNonce nonce) implements Synchronization {

    @Override
    public void beforeCompletion() {
      // only the outcome matters
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        nonce.committed();
      }
    }
  }
}
