package org.pkiaas.pki.acme;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.pkiaas.acme.boundary.AcmeOrders.OrderState;
import org.pkiaas.acme.boundary.AcmeRenewals;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmeAuthorization;
import org.pkiaas.acme.entity.AcmeChallenge;
import org.pkiaas.acme.entity.AcmeIdentifier;
import org.pkiaas.acme.entity.AcmeOrder;

/** The ACME resources as JSON objects (RFC 8555 §7.1): directory, account, order, authorization. */
final class AcmeJson {

  private AcmeJson() {}

  /** §7.1.1; registration needs an external account binding (§7.3.4). */
  static JsonObject directory(AcmeUrls urls) {
    return JsonP.JSON
        .createObjectBuilder()
        .add("newNonce", urls.newNonce())
        .add("newAccount", urls.newAccount())
        .add("newOrder", urls.newOrder())
        .add("revokeCert", urls.revokeCert())
        .add("keyChange", urls.keyChange())
        .add("renewalInfo", urls.renewalInfo())
        .add("meta", JsonP.JSON.createObjectBuilder().add("externalAccountRequired", true))
        .build();
  }

  /** §7.1.2. */
  static JsonObject account(AcmeAccount account, AcmeUrls urls) {
    JsonArrayBuilder contacts = JsonP.JSON.createArrayBuilder();
    account.contacts().forEach(contacts::add);
    return JsonP.JSON
        .createObjectBuilder()
        .add("status", account.status().json())
        .add("contact", contacts)
        .add("orders", urls.orders(account.id()))
        .build();
  }

  /** §7.1.2.1. */
  static JsonObject orders(List<AcmeOrder> orders, AcmeUrls urls) {
    JsonArrayBuilder list = JsonP.JSON.createArrayBuilder();
    orders.forEach(o -> list.add(urls.order(o.id())));
    return JsonP.JSON.createObjectBuilder().add("orders", list).build();
  }

  /** §7.1.3. */
  static JsonObject order(OrderState state, AcmeUrls urls) {
    AcmeOrder order = state.order();
    JsonArrayBuilder identifiers = JsonP.JSON.createArrayBuilder();
    order.identifiers().forEach(i -> identifiers.add(identifier(i)));
    JsonArrayBuilder authorizations = JsonP.JSON.createArrayBuilder();
    state.authorizations().forEach(a -> authorizations.add(urls.authorization(a.id())));
    JsonObjectBuilder json =
        JsonP.JSON
            .createObjectBuilder()
            .add("status", order.status().json())
            .add("expires", timestamp(order.expiresAt()))
            .add("identifiers", identifiers)
            .add("authorizations", authorizations)
            .add("finalize", urls.finalizeOrder(order.id()));
    if (order.certificateId() != null) {
      json.add("certificate", urls.certificate(order.id()));
    }
    return json.build();
  }

  /** §7.1.4; pre-approved identifiers are valid without challenges. */
  static JsonObject authorization(
      AcmeAuthorization authorization, List<AcmeChallenge> challenges, AcmeUrls urls) {
    JsonArrayBuilder list = JsonP.JSON.createArrayBuilder();
    challenges.forEach(c -> list.add(challenge(c, urls)));
    JsonObjectBuilder json =
        JsonP.JSON
            .createObjectBuilder()
            .add("status", authorization.status().json())
            .add("expires", timestamp(authorization.expiresAt()))
            .add("identifier", identifier(authorization.identifier()))
            .add("challenges", list);
    if (authorization.wildcard()) {
      json.add("wildcard", true);
    }
    return json.build();
  }

  /** §7.1.5 and §8; a failed one carries the reason as a problem document. */
  static JsonObject challenge(AcmeChallenge challenge, AcmeUrls urls) {
    JsonObjectBuilder json =
        JsonP.JSON
            .createObjectBuilder()
            .add("type", challenge.type().json())
            .add("url", urls.challenge(challenge.id()))
            .add("status", challenge.status().json())
            .add("token", challenge.token());
    if (challenge.validatedAt() != null) {
      json.add("validated", timestamp(challenge.validatedAt()));
    }
    if (challenge.error() != null) {
      json.add(
          "error",
          JsonP.JSON
              .createObjectBuilder()
              .add("type", "urn:ietf:params:acme:error:" + challenge.errorType())
              .add("detail", challenge.error()));
    }
    return json.build();
  }

  /** RFC 9773 §4.2. */
  static JsonObject renewalInfo(AcmeRenewals.Window window) {
    return JsonP.JSON
        .createObjectBuilder()
        .add(
            "suggestedWindow",
            JsonP.JSON
                .createObjectBuilder()
                .add("start", timestamp(window.start()))
                .add("end", timestamp(window.end())))
        .build();
  }

  /** §9.7.7. */
  private static JsonObjectBuilder identifier(AcmeIdentifier identifier) {
    return JsonP.JSON
        .createObjectBuilder()
        .add("type", identifier.type().json())
        .add("value", identifier.value());
  }

  /** RFC 3339, as §7.1 asks for timestamps. */
  private static String timestamp(java.time.Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
