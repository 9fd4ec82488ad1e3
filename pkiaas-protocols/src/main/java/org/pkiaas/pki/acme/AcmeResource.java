package org.pkiaas.pki.acme;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.pkiaas.acme.boundary.AcmeAccounts;
import org.pkiaas.acme.boundary.AcmeChallenges;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeOrders;
import org.pkiaas.acme.boundary.AcmeOrders.OrderState;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.boundary.AcmeRevocations;
import org.pkiaas.acme.boundary.NonceIssuer;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmeChallenge;
import org.pkiaas.ct.boundary.LoggedIssuance;
import org.pkiaas.pki.acme.AcmeAuthenticator.Authenticated;

/**
 * The JWS-authenticated ACME resources (RFC 8555 §7.3–§7.6), HTTP only: {@link AcmeAuthenticator}
 * says who signed the request, {@link AcmePayloads} reads its payload, the ACME boundaries decide,
 * and {@link AcmeJson} writes the answer, which carries a fresh nonce (§6.5) and the directory as
 * {@code rel="index"} (§7.1).
 *
 * <p>Each request is one transaction: the nonce's use, the account's lookup and the request's work
 * commit together, or roll back together and {@link NonceUseOnFailure} records the nonce's use on
 * its own.
 */
@Path("acme")
@Consumes("application/jose+json")
@Transactional
@SignedRequest
public class AcmeResource {

  static final String REPLAY_NONCE = "Replay-Nonce";
  static final String PEM_CHAIN = "application/pem-certificate-chain";

  @Inject AcmeUrls urls;

  @Inject AcmeAuthenticator authenticator;

  @Inject NonceIssuer nonceIssuer;

  @Inject AcmeAccounts accounts;

  @Inject AcmeOrders orders;

  @Inject AcmeFinalization finalization;

  @Inject LoggedIssuance logged;

  @Inject AcmeRevocations revocations;

  @Inject AcmeChallenges challenges;

  /** §7.3: 201 with a new account, 200 with the account this key already has. */
  @POST
  @Path("new-account")
  public Response newAccount(String body) {
    Authenticated signed = authenticator.byKey(body, urls.newAccount());
    AcmePayloads.NewAccount payload = AcmePayloads.newAccount(signed.payload());
    var registration =
        accounts.register(
            signed.message().jwk(),
            payload.binding(),
            urls.newAccount(),
            payload.contact(),
            payload.onlyReturnExisting());
    return account(
        registration.created() ? Response.status(Response.Status.CREATED) : Response.ok(),
        registration.account());
  }

  /** §7.3.2 (update), §7.3.3 (POST-as-GET), §7.3.6 (deactivation). */
  @POST
  @Path("account/{id}")
  public Response account(@PathParam("id") String id, String body) {
    Authenticated signed = authenticator.byAccount(body, urls.account(id));
    requireSelf(signed, id);
    AcmePayloads.AccountUpdate update = AcmePayloads.accountUpdate(signed.payload());
    AcmeAccount account =
        signed.postAsGet()
            ? accounts.active(id)
            : accounts.update(id, update.contact(), update.deactivate());
    return account(Response.ok(), account);
  }

  /** §7.1.2.1. */
  @POST
  @Path("account/{id}/orders")
  public Response accountOrders(@PathParam("id") String id, String body) {
    Authenticated signed = authenticator.byAccount(body, urls.orders(id));
    requireSelf(signed, id);
    return answer(Response.ok(), AcmeJson.orders(accounts.orders(id), urls)).build();
  }

  /** §7.4. */
  @POST
  @Path("new-order")
  public Response newOrder(String body) {
    Authenticated signed = authenticator.byAccount(body, urls.newOrder());
    AcmePayloads.NewOrder payload = AcmePayloads.newOrder(signed.payload());
    OrderState state = orders.create(signed.accountId(), payload.identifiers(), payload.replaces());
    return answer(Response.status(Response.Status.CREATED), AcmeJson.order(state, urls))
        .location(URI.create(urls.order(state.order().id())))
        .build();
  }

  @POST
  @Path("order/{id}")
  public Response order(@PathParam("id") String id, String body) {
    Authenticated signed = authenticator.byAccount(body, urls.order(id));
    return answer(Response.ok(), AcmeJson.order(orders.get(signed.accountId(), id), urls)).build();
  }

  /**
   * §7.4: the order, now valid, with its certificate URL. Outside a transaction: a template with CT
   * logs has them answer between two runs of {@link AcmeFinalization}, with nothing held open.
   */
  @POST
  @Path("order/{id}/finalize")
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Response finalizeOrder(@PathParam("id") String id, String body) {
    JsonObject order = logged.run(() -> finalization.finalize(id, body));
    return answer(Response.ok(), order).location(URI.create(urls.order(id))).build();
  }

  /** §7.5: read only; an authorization changes through its challenges. */
  @POST
  @Path("authz/{id}")
  public Response authorization(@PathParam("id") String id, String body) {
    Authenticated signed = authenticator.byAccount(body, urls.authorization(id));
    if (!signed.postAsGet()) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "Authorizations change only through their challenges");
    }
    var authorization = orders.authorization(signed.accountId(), id);
    return answer(
            Response.ok(),
            AcmeJson.authorization(authorization, challenges.of(authorization), urls))
        .build();
  }

  /**
   * POST-as-GET reads a challenge; any JSON object (normally {}) asks for its validation (§7.5.1).
   */
  @POST
  @Path("chall/{id}")
  public Response challenge(@PathParam("id") String id, String body) {
    Authenticated signed = authenticator.byAccount(body, urls.challenge(id));
    AcmeChallenge challenge =
        signed.postAsGet()
            ? challenges.get(signed.accountId(), id)
            : challenges.respond(signed.accountId(), id);
    return answer(Response.ok(), AcmeJson.challenge(challenge, urls))
        .header("Link", "<" + urls.authorization(challenge.authorizationId()) + ">;rel=\"up\"")
        .build();
  }

  /** §7.4.2: the certificate and its CA chain, PEM. */
  @POST
  @Path("cert/{id}")
  public Response certificate(@PathParam("id") String id, String body) {
    Authenticated signed = authenticator.byAccount(body, urls.certificate(id));
    String chain = orders.certificateChain(signed.accountId(), id);
    return headers(Response.ok(chain, PEM_CHAIN)).build();
  }

  /** keyChange (§7.3.5): the inner JWS is read here, its rules are {@link AcmeAccounts}'. */
  @POST
  @Path("key-change")
  public Response keyChange(String body) {
    Authenticated signed = authenticator.byAccount(body, urls.keyChange());
    AcmeAccount account =
        accounts.changeKey(
            signed.accountId(),
            urls.account(signed.accountId()),
            urls.keyChange(),
            AcmePayloads.keyChange(signed.payload()));
    return account(Response.ok(), account);
  }

  /** revokeCert (§7.6), signed by the account or by the certificate's key. */
  @POST
  @Path("revoke-cert")
  public Response revokeCert(String body) {
    Authenticated signed = authenticator.eitherWay(body, urls.revokeCert());
    AcmePayloads.RevokeCert payload = AcmePayloads.revokeCert(signed.payload());
    if (signed.accountId() == null) {
      revocations.byCertificateKey(
          AcmePayloads.publicKey(signed.message().jwk()), payload.certificate(), payload.reason());
    } else {
      revocations.byAccount(signed.accountId(), payload.certificate(), payload.reason());
    }
    return headers(Response.ok()).build();
  }

  private static void requireSelf(Authenticated signed, String accountId) {
    if (!accountId.equals(signed.accountId())) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED, "An account can only be read and changed by itself");
    }
  }

  private Response account(Response.ResponseBuilder builder, AcmeAccount account) {
    return answer(builder, AcmeJson.account(account, urls))
        .location(URI.create(urls.account(account.id())))
        .build();
  }

  private Response.ResponseBuilder answer(Response.ResponseBuilder builder, JsonObject json) {
    return headers(builder.entity(json.toString()).type(MediaType.APPLICATION_JSON_TYPE));
  }

  private Response.ResponseBuilder headers(Response.ResponseBuilder builder) {
    return builder
        .header(REPLAY_NONCE, nonceIssuer.issue())
        .header("Link", "<" + urls.directory() + ">;rel=\"index\"");
  }
}
