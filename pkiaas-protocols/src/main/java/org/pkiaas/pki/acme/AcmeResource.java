package org.pkiaas.pki.acme;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.pkiaas.acme.boundary.AcmeAccounts;
import org.pkiaas.acme.boundary.AcmeAccounts.Binding;
import org.pkiaas.acme.boundary.AcmeChallenges;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeNonces;
import org.pkiaas.acme.boundary.AcmeOrders;
import org.pkiaas.acme.boundary.AcmeOrders.Identifier;
import org.pkiaas.acme.boundary.AcmeOrders.OrderState;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.boundary.AcmeRevocations;
import org.pkiaas.acme.boundary.NonceIssuer;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmeChallenge;

/**
 * The JWS-authenticated ACME resources (RFC 8555 §7.3–§7.6). HTTP only: each request is checked for
 * its url, nonce and signature (§6.2–§6.5) and handed to the ACME boundaries.
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

  @Inject AcmeNonces nonces;

  @Inject NonceIssuer nonceIssuer;

  @Inject PresentedNonce presentedNonce;

  @Inject AccountVerifiers verifiers;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject AcmeAccounts accounts;

  @Inject AcmeOrders orders;

  @Inject AcmeRevocations revocations;

  @Inject AcmeChallenges challenges;

  /**
   * A request whose url, nonce and signature checked out; {@code accountId} is null when signed
   * with a jwk.
   */
  private record Signed(JwsMessage message, String accountId) {}

  @POST
  @Path("new-account")
  public Response newAccount(String body) {
    Signed signed = authenticate(body, urls.newAccount(), true);
    JsonObject payload = signed.message().payloadOrEmpty();
    Binding binding = null;
    if (payload.get("externalAccountBinding") instanceof JsonObject eab) {
      binding =
          new Binding(
              JwsMessage.string(eab, "protected"),
              JwsMessage.string(eab, "payload"),
              JwsMessage.string(eab, "signature"));
    }
    boolean onlyExisting = payload.getBoolean("onlyReturnExisting", false);
    var registration =
        accounts.register(
            signed.message().jwk(), binding, urls.newAccount(), contacts(payload), onlyExisting);
    AcmeAccount account = registration.account();
    return answer(
            registration.created() ? Response.status(Response.Status.CREATED) : Response.ok(),
            AcmeJson.account(account, urls))
        .location(URI.create(urls.account(account.id())))
        .build();
  }

  @POST
  @Path("account/{id}")
  public Response account(@PathParam("id") String id, String body) {
    Signed signed = authenticate(body, urls.account(id), false);
    requireSelf(signed, id);
    JsonObject payload = signed.message().payloadOrEmpty();
    String status = JwsMessage.string(payload, "status");
    if (status != null && !status.equals("deactivated")) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "An account's status can only be changed to deactivated");
    }
    List<String> contacts = payload.containsKey("contact") ? contacts(payload) : null;
    AcmeAccount account =
        signed.message().postAsGet()
            ? accounts.active(id)
            : accounts.update(id, contacts, "deactivated".equals(status));
    return answer(Response.ok(), AcmeJson.account(account, urls))
        .location(URI.create(urls.account(id)))
        .build();
  }

  @POST
  @Path("account/{id}/orders")
  public Response accountOrders(@PathParam("id") String id, String body) {
    Signed signed = authenticate(body, urls.orders(id), false);
    requireSelf(signed, id);
    return answer(Response.ok(), AcmeJson.orders(accounts.orders(id), urls)).build();
  }

  @POST
  @Path("new-order")
  public Response newOrder(String body) {
    Signed signed = authenticate(body, urls.newOrder(), false);
    JsonObject payload = signed.message().payloadOrEmpty();
    if (payload.containsKey("notBefore") || payload.containsKey("notAfter")) {
      throw new AcmeProblem(
          AcmeError.MALFORMED,
          "notBefore and notAfter are not supported: the template decides the validity");
    }
    List<Identifier> identifiers = new ArrayList<>();
    if (payload.get("identifiers") instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (!(value instanceof JsonObject identifier)) {
          throw new AcmeProblem(
              AcmeError.MALFORMED, "Each identifier is an object with type and value");
        }
        identifiers.add(
            new Identifier(
                JwsMessage.string(identifier, "type"), JwsMessage.string(identifier, "value")));
      }
    }
    OrderState state =
        orders.create(signed.accountId(), identifiers, JwsMessage.string(payload, "replaces"));
    return answer(Response.status(Response.Status.CREATED), AcmeJson.order(state, urls))
        .location(URI.create(urls.order(state.order().id())))
        .build();
  }

  @POST
  @Path("order/{id}")
  public Response order(@PathParam("id") String id, String body) {
    Signed signed = authenticate(body, urls.order(id), false);
    return answer(Response.ok(), AcmeJson.order(orders.get(signed.accountId(), id), urls)).build();
  }

  @POST
  @Path("order/{id}/finalize")
  public Response finalizeOrder(@PathParam("id") String id, String body) {
    Signed signed = authenticate(body, urls.finalizeOrder(id), false);
    byte[] csr = base64Url(JwsMessage.string(signed.message().payloadOrEmpty(), "csr"), "csr");
    OrderState state = orders.finalize(signed.accountId(), id, csr);
    return answer(Response.ok(), AcmeJson.order(state, urls))
        .location(URI.create(urls.order(id)))
        .build();
  }

  @POST
  @Path("authz/{id}")
  public Response authorization(@PathParam("id") String id, String body) {
    Signed signed = authenticate(body, urls.authorization(id), false);
    if (!signed.message().postAsGet()) {
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
    Signed signed = authenticate(body, urls.challenge(id), false);
    AcmeChallenge challenge =
        signed.message().postAsGet()
            ? challenges.get(signed.accountId(), id)
            : challenges.respond(signed.accountId(), id);
    return answer(Response.ok(), AcmeJson.challenge(challenge, urls))
        .header("Link", "<" + urls.authorization(challenge.authorizationId()) + ">;rel=\"up\"")
        .build();
  }

  @POST
  @Path("cert/{id}")
  public Response certificate(@PathParam("id") String id, String body) {
    Signed signed = authenticate(body, urls.certificate(id), false);
    String chain = orders.certificateChain(signed.accountId(), id);
    return headers(Response.ok(chain, PEM_CHAIN)).build();
  }

  /**
   * keyChange (§7.3.5): the outer JWS is signed by the account's key, the inner one, its payload,
   * by the new key; the inner one names the same URL, carries no nonce, and says which account and
   * old key it replaces.
   */
  @POST
  @Path("key-change")
  public Response keyChange(String body) {
    Signed signed = authenticate(body, urls.keyChange(), false);
    JwsMessage inner = JwsMessage.parse(signed.message().payloadOrEmpty().toString());
    if (inner.jwk() == null || inner.nonce() != null || !urls.keyChange().equals(inner.url())) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "The inner JWS needs a jwk, the keyChange url and no nonce");
    }
    inner.verify(JwsMessage.verifier(inner.jwk()));
    JsonObject change = inner.payloadOrEmpty();
    if (!urls.account(signed.accountId()).equals(JwsMessage.string(change, "account"))) {
      throw new AcmeProblem(AcmeError.UNAUTHORIZED, "The inner JWS names another account");
    }
    JWK oldKey;
    try {
      oldKey = JWK.parse(change.getJsonObject("oldKey").toString());
    } catch (ParseException | ClassCastException | NullPointerException e) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "oldKey must be the account's current key as a JWK");
    }
    AcmeAccount account = accounts.changeKey(signed.accountId(), oldKey, inner.jwk());
    return answer(Response.ok(), AcmeJson.account(account, urls))
        .location(URI.create(urls.account(account.id())))
        .build();
  }

  @POST
  @Path("revoke-cert")
  public Response revokeCert(String body) {
    JwsMessage message = JwsMessage.parse(body);
    boolean byCertificateKey = message.jwk() != null;
    Signed signed = authenticate(message, urls.revokeCert(), byCertificateKey);
    JsonObject payload = signed.message().payloadOrEmpty();
    byte[] certificate = base64Url(JwsMessage.string(payload, "certificate"), "certificate");
    Integer reason = payload.containsKey("reason") ? payload.getInt("reason", -1) : null;
    if (byCertificateKey) {
      revocations.byCertificateKey(publicKey(message.jwk()), certificate, reason);
    } else {
      revocations.byAccount(signed.accountId(), certificate, reason);
    }
    return headers(Response.ok()).build();
  }

  private Signed authenticate(String body, String url, boolean jwkExpected) {
    return authenticate(JwsMessage.parse(body), url, jwkExpected);
  }

  /** §6.2–§6.5: the url header names this resource, the nonce is fresh, the signature verifies. */
  private Signed authenticate(JwsMessage message, String url, boolean jwkExpected) {
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
      return new Signed(message, null);
    }
    String kid = message.kid();
    if (kid == null || !kid.startsWith(urls.accountPrefix())) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "This request is signed with an account: its URL as kid");
    }
    AcmeAccount account = accounts.find(kid.substring(urls.accountPrefix().length()));
    message.verify(verifiers.of(account));
    return new Signed(message, account.id());
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

  private static void requireSelf(Signed signed, String accountId) {
    if (!accountId.equals(signed.accountId())) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED, "An account can only be read and changed by itself");
    }
  }

  private static List<String> contacts(JsonObject payload) {
    List<String> contacts = new ArrayList<>();
    if (payload.get("contact") instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (!(value instanceof JsonString text)) {
          throw new AcmeProblem(AcmeError.MALFORMED, "Contacts are URLs");
        }
        contacts.add(text.getString());
      }
    }
    return contacts;
  }

  private static byte[] base64Url(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw new AcmeProblem(AcmeError.MALFORMED, "The payload needs '" + field + "'");
    }
    try {
      return Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new AcmeProblem(AcmeError.MALFORMED, "'" + field + "' is not base64url");
    }
  }

  private static byte[] publicKey(JWK jwk) {
    try {
      return ((AsymmetricJWK) jwk).toPublicKey().getEncoded();
    } catch (JOSEException | ClassCastException e) {
      throw new AcmeProblem(AcmeError.BAD_PUBLIC_KEY, "The jwk is no public key");
    }
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
