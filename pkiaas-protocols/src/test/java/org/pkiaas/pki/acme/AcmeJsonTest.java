package org.pkiaas.pki.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pkiaas.acme.boundary.AcmeOrders.OrderState;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmeAuthorization;
import org.pkiaas.acme.entity.AcmeChallenge;
import org.pkiaas.acme.entity.AcmeIdentifier;
import org.pkiaas.acme.entity.AcmeOrder;
import org.pkiaas.acme.entity.AuthorizationStatus;
import org.pkiaas.acme.entity.ChallengeType;
import org.pkiaas.acme.entity.OrderStatus;

/**
 * The ACME objects of RFC 8555 §7.1 as {@link AcmeJson} writes them, against the fixtures under
 * {@code src/test/resources/acme/}, which follow the RFC's examples (with this server's URLs).
 */
class AcmeJsonTest {

  private static final AcmeUrls URLS = AcmeFixtures.urls();
  private static final Instant ORDER_EXPIRES = Instant.parse("2016-01-05T14:09:07Z");
  private static final Instant AUTHZ_EXPIRES = Instant.parse("2016-01-02T14:09:30.400Z");

  @Test
  void directoryNamesEveryResourceAndRequiresExternalAccounts() {
    // §7.1.1
    assertEquals(AcmeFixtures.json("directory.json"), AcmeJson.directory(URLS));
  }

  @Test
  void accountHasStatusContactsAndOrdersUrl() {
    // §7.1.2
    AcmeAccount account =
        new AcmeAccount(
            "policy",
            "eab",
            "thumbprint",
            "{}",
            List.of("mailto:cert-admin@example.org", "mailto:admin@example.org"));

    assertEquals(
        AcmeFixtures.json("account.json", Map.of("accountId", account.id())),
        AcmeJson.account(account, URLS));
  }

  @Test
  void ordersListIsOfUrls() {
    // §7.1.2.1
    AcmeOrder order = order(OrderStatus.VALID, AcmeIdentifier.dns("www.example.org"));

    assertEquals(
        AcmeFixtures.json("orders.json", Map.of("orderId", order.id())),
        AcmeJson.orders(List.of(order), URLS));
  }

  @Test
  void orderWritesEachIdentifierAsAnObjectOfTypeAndValue() {
    // §7.1.3 and §9.7.7; an IP address per RFC 8738 §3
    AcmeOrder order =
        order(
            OrderStatus.PENDING,
            AcmeIdentifier.dns("www.example.org"),
            AcmeIdentifier.dns("*.example.org"),
            AcmeIdentifier.ip("2001:db8::1"));
    AcmeAuthorization authorization =
        authorization(order, AcmeIdentifier.dns("www.example.org"), false);

    assertEquals(
        AcmeFixtures.json(
            "order.json", Map.of("orderId", order.id(), "authzId", authorization.id())),
        AcmeJson.order(new OrderState(order, List.of(authorization)), URLS));
  }

  @Test
  void aValidOrderNamesItsCertificate() {
    // §7.1.3, §7.4.2
    AcmeOrder order = order(OrderStatus.READY, AcmeIdentifier.dns("www.example.org"));
    order.issued("certificate-id");

    assertEquals(
        AcmeFixtures.json("order-valid.json", Map.of("orderId", order.id())),
        AcmeJson.order(new OrderState(order, List.of()), URLS));
  }

  @Test
  void authorizationCarriesItsChallenges() {
    // §7.1.4, timestamps to the second (RFC 3339)
    AcmeOrder order = order(OrderStatus.PENDING, AcmeIdentifier.dns("www.example.org"));
    AcmeAuthorization authorization =
        authorization(order, AcmeIdentifier.dns("www.example.org"), false);
    AcmeChallenge challenge =
        new AcmeChallenge(authorization.id(), ChallengeType.HTTP_01, "DGyRejmCefe7v4NfDGDKfA");

    assertEquals(
        AcmeFixtures.json("authorization.json", Map.of("challengeId", challenge.id())),
        AcmeJson.authorization(authorization, List.of(challenge), URLS));
  }

  @Test
  void aWildcardAuthorizationIsForTheBaseDomainAndSaysSo() {
    // §7.1.4: the identifier without "*.", and "wildcard": true
    AcmeOrder order = order(OrderStatus.PENDING, AcmeIdentifier.dns("*.example.org"));
    AcmeAuthorization authorization = authorization(order, AcmeIdentifier.dns("example.org"), true);
    AcmeChallenge challenge =
        new AcmeChallenge(
            authorization.id(),
            ChallengeType.DNS_01,
            "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA");

    assertEquals(
        AcmeFixtures.json("authorization-wildcard.json", Map.of("challengeId", challenge.id())),
        AcmeJson.authorization(authorization, List.of(challenge), URLS));
  }

  @Test
  void aFailedChallengeCarriesItsErrorAsAProblem() {
    // §7.1.5, §8: "error" is a problem document (§6.7)
    AcmeChallenge challenge =
        new AcmeChallenge(
            "authz", ChallengeType.TLS_ALPN_01, "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA");
    challenge.process();
    challenge.failedAttempt("connection", "Could not connect to www.example.org", true);

    assertEquals(
        AcmeFixtures.json("challenge-invalid.json", Map.of("challengeId", challenge.id())),
        AcmeJson.challenge(challenge, URLS));
  }

  @Test
  void aValidChallengeSaysWhenItWasValidated() {
    // §8.3's example: status valid with "validated"
    AcmeChallenge challenge =
        new AcmeChallenge(
            "authz", ChallengeType.HTTP_01, "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0");
    challenge.validated();
    String validated =
        DateTimeFormatter.ISO_INSTANT.format(
            challenge.validatedAt().truncatedTo(ChronoUnit.SECONDS));

    assertEquals(
        AcmeFixtures.json(
            "challenge-valid.json", Map.of("challengeId", challenge.id(), "validated", validated)),
        AcmeJson.challenge(challenge, URLS));
  }

  private static AcmeOrder order(OrderStatus status, AcmeIdentifier... identifiers) {
    return new AcmeOrder("account", List.of(identifiers), status, ORDER_EXPIRES);
  }

  private static AcmeAuthorization authorization(
      AcmeOrder order, AcmeIdentifier identifier, boolean wildcard) {
    return new AcmeAuthorization(
        order.id(), identifier, wildcard, AuthorizationStatus.PENDING, AUTHZ_EXPIRES);
  }
}
