package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.challenge.Dns01Challenge;
import org.shredzone.acme4j.challenge.Http01Challenge;
import org.shredzone.acme4j.challenge.TlsAlpn01Challenge;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * http-01, dns-01 and tls-alpn-01 validated by the server, asynchronously, against responders the
 * test runs: a web server on the configured http-01 port, a TLS server on the tls-alpn-01 port, and
 * pebble-challtestsrv as the DNS server the server is configured to ask.
 */
class AcmeChallengesIT extends ServerIT {

  /**
   * How long a poll may wait for the server. Polls end as soon as the state is reached; the bound
   * only matters when the machine is loaded, where 60 s once ran out between a challenge turning
   * valid and the client seeing its order ready (acme4j polls every 3 s, each poll a signed request
   * with a nonce of its own). A validation that does not end fails these tests all the same: its
   * challenge stays processing for ever.
   */
  private static final Duration WAIT = Duration.ofMinutes(3);

  private final AcmeFixture acme = new AcmeFixture("ACME Challenges " + System.nanoTime(), "");

  @BeforeAll
  static void responders() {
    ChallengeResponders.start();
  }

  private static String unique(String suffix) {
    return "h" + System.nanoTime() + "." + suffix;
  }

  @Test
  void http01IsValidatedAndTheOrderIssues() throws Exception {
    Scrape before = Scrape.now();
    Login login = acme.register(AcmeFixture.accountKey());
    String domain = unique("web.test");
    Order order = login.newOrder().domain(domain).create();
    assertEquals(Status.PENDING, order.getStatus());
    Authorization authorization = order.getAuthorizations().get(0);
    assertEquals(Status.PENDING, authorization.getStatus());
    Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
    assertTrue(authorization.findChallenge(Dns01Challenge.class).isPresent());
    assertTrue(
        answerAndFinalize(order, challenge).getSubjectAlternativeNames().stream()
            .anyMatch(n -> domain.equals(n.get(1))));
    // and the metrics moved (issue 16)
    Scrape after = Scrape.now();
    assertGrew(before, after, "pkiaas_acme_orders_total", Map.of("status", "created"));
    assertGrew(before, after, "pkiaas_acme_orders_total", Map.of("status", "valid"));
    assertGrew(
        before,
        after,
        "pkiaas_acme_validations_total",
        Map.of("type", "http-01", "outcome", "valid"));
    assertGrew(before, after, "pkiaas_certificates_issued_total", Map.of("channel", "acme"));
  }

  private static void assertGrew(
      Scrape before, Scrape after, String name, Map<String, String> labels) {
    assertTrue(
        after.value(name, labels) > before.value(name, labels),
        () -> name + labels + " did not grow: " + before.value(name, labels));
  }

  @Test
  void http01FollowsARedirectToACentralValidationHost() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().domain(unique("redirected.test")).create();
    Http01Challenge challenge =
        order.getAuthorizations().get(0).findChallenge(Http01Challenge.class).orElseThrow();
    // RFC 8555 §8.3: a site may send validation to a central host; pebble-challtestsrv resolves
    // both names
    String central =
        "http://"
            + unique("central.test")
            + ":"
            + Integer.getInteger("pkiaas.it.acme.http01-port", 5102)
            + "/.well-known/acme-challenge/"
            + challenge.getToken()
            + "-central";
    ChallengeResponders.redirect(challenge.getToken(), central);
    ChallengeResponders.http(challenge.getToken() + "-central", challenge.getAuthorization());
    challenge.trigger();
    assertEquals(Status.VALID, challenge.waitForCompletion(WAIT));
    assertEquals(Status.READY, order.waitUntilReady(WAIT));
  }

  @Test
  void anIpAddressIsProvenByHttp01() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().identifier(Identifier.ip("127.0.0.1")).create();
    Authorization authorization = order.getAuthorizations().get(0);
    assertEquals("ip", authorization.getIdentifier().getType());
    assertFalse(
        authorization.findChallenge(Dns01Challenge.class).isPresent(),
        "no dns-01 for an address (RFC 8738 §7)");
    Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
    assertTrue(
        answerAndFinalize(order, challenge).getSubjectAlternativeNames().stream()
            .anyMatch(n -> Integer.valueOf(7).equals(n.get(0)) && "127.0.0.1".equals(n.get(1))),
        "an iPAddress name");
  }

  @Test
  void tlsAlpn01IsValidated() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    String domain = unique("tls.test");
    Order order = login.newOrder().domain(domain).create();
    TlsAlpn01Challenge challenge =
        order.getAuthorizations().get(0).findChallenge(TlsAlpn01Challenge.class).orElseThrow();
    // acme4j signs validation certificates with SHA256withRSA and the JDK's providers
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    java.security.KeyPair key = generator.generateKeyPair();
    TlsAlpnResponder.present(challenge.createCertificate(key, Identifier.dns(domain)), key);
    challenge.trigger();
    assertEquals(Status.VALID, challenge.waitForCompletion(WAIT));
    assertEquals(Status.READY, order.waitUntilReady(WAIT));

    Order other = login.newOrder().domain(unique("tls.test")).create();
    TlsAlpn01Challenge wrong =
        other.getAuthorizations().get(0).findChallenge(TlsAlpn01Challenge.class).orElseThrow();
    TlsAlpnResponder.present(wrong.createCertificate(key, Identifier.dns("another.tls.test")), key);
    wrong.trigger();
    assertEquals(Status.INVALID, wrong.waitForCompletion(WAIT));
    assertEquals(
        "urn:ietf:params:acme:error:incorrectResponse",
        wrong.getError().orElseThrow().getType().toString());

    // issue 12: an acmeIdentifier that is no OCTET STRING (RFC 8737 §3) left the challenge
    // processing for ever
    String third = unique("tls.test");
    TlsAlpn01Challenge notOctets =
        login
            .newOrder()
            .domain(third)
            .create()
            .getAuthorizations()
            .get(0)
            .findChallenge(TlsAlpn01Challenge.class)
            .orElseThrow();
    TlsAlpnResponder.present(
        validationCertificate(
            third, key, new org.bouncycastle.asn1.DERUTF8String(notOctets.getAuthorization())),
        key);
    notOctets.trigger();
    assertEquals(Status.INVALID, notOctets.waitForCompletion(WAIT));
    assertEquals(
        "urn:ietf:params:acme:error:incorrectResponse",
        notOctets.getError().orElseThrow().getType().toString());
  }

  @Test
  void dns01ProvesAWildcard() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    String base = unique("dns.test");
    Order order = login.newOrder().domains("*." + base).create();
    Authorization authorization = order.getAuthorizations().get(0);
    assertTrue(authorization.isWildcard());
    assertFalse(
        authorization.findChallenge(Http01Challenge.class).isPresent(),
        "a wildcard is proven by dns-01 only");
    Dns01Challenge challenge = authorization.findChallenge(Dns01Challenge.class).orElseThrow();
    ChallengeDns.txt(challenge.getRRName(base), challenge.getDigest());
    assertEquals(
        challenge.getDigest(), digest(challenge.getAuthorization()), "the digest of RFC 8555 §8.4");
    challenge.trigger();
    assertEquals(Status.VALID, challenge.waitForCompletion(WAIT));
    assertEquals(Status.READY, order.waitUntilReady(WAIT));
    order.execute(Csrs.keys("EC"));
    assertEquals(Status.VALID, order.waitForCompletion(WAIT));
  }

  @Test
  void aFailingChallengeTurnsInvalidWithTheReason() throws Exception {
    Scrape before = Scrape.now();
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().domain(unique("wrong.test")).create();
    Authorization authorization = order.getAuthorizations().get(0);
    Http01Challenge challenge = authorization.findChallenge(Http01Challenge.class).orElseThrow();
    ChallengeResponders.http(challenge.getToken(), "not-the-key-authorization");
    challenge.trigger();
    assertEquals(Status.INVALID, challenge.waitForCompletion(WAIT));
    var error = challenge.getError().orElseThrow();
    assertEquals("urn:ietf:params:acme:error:incorrectResponse", error.getType().toString());
    authorization.fetch();
    assertEquals(Status.INVALID, authorization.getStatus());
    order.fetch();
    assertEquals(Status.INVALID, order.getStatus());
    AcmeServerException refused =
        assertThrows(AcmeServerException.class, () -> order.execute(Csrs.keys("EC")));
    assertEquals("urn:ietf:params:acme:error:orderNotReady", refused.getType().toString());

    String broken = unique("servfail.test");
    ChallengeDns.servfail("_acme-challenge." + broken);
    Order unresolvable = login.newOrder().domain(broken).create();
    Dns01Challenge dns =
        unresolvable.getAuthorizations().get(0).findChallenge(Dns01Challenge.class).orElseThrow();
    dns.trigger();
    assertEquals(Status.INVALID, dns.waitForCompletion(WAIT));
    var problem = dns.getError().orElseThrow();
    assertEquals("urn:ietf:params:acme:error:dns", problem.getType().toString());
    assertTrue(problem.getDetail().orElse("").contains("failed"), problem.toString());
    Scrape after = Scrape.now();
    assertGrew(before, after, "pkiaas_acme_orders_total", Map.of("status", "invalid"));
    assertGrew(
        before,
        after,
        "pkiaas_acme_validations_total",
        Map.of("type", "http-01", "outcome", "invalid"));
    assertGrew(
        before,
        after,
        "pkiaas_acme_validations_total",
        Map.of("type", "dns-01", "outcome", "invalid"));
  }

  @Test
  void anOrderWhoseChallengesPassAtOnceBecomesReady() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    String base = unique("many.test");
    java.util.List<String> names =
        java.util.stream.IntStream.range(0, 6).mapToObj(i -> "n" + i + "." + base).toList();
    Order order = login.newOrder().domains(names).create();
    java.util.List<Dns01Challenge> challenges = new java.util.ArrayList<>();
    for (Authorization authorization : order.getAuthorizations()) {
      Dns01Challenge challenge = authorization.findChallenge(Dns01Challenge.class).orElseThrow();
      ChallengeDns.txt(challenge.getRRName(authorization.getIdentifier()), challenge.getDigest());
      challenges.add(challenge);
    }
    for (Dns01Challenge challenge : challenges) {
      challenge.trigger(); // all validated side by side, each deciding whether the order is ready
    }
    for (Dns01Challenge challenge : challenges) {
      assertEquals(Status.VALID, challenge.waitForCompletion(WAIT));
    }
    assertEquals(
        Status.READY,
        order.waitUntilReady(WAIT),
        "the last authorization to pass makes the order ready");
  }

  @Test
  void dns01FollowsACnameToWhereTheRecordIsPublished() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    String domain = unique("delegated.test");
    Order order = login.newOrder().domain(domain).create();
    Dns01Challenge challenge =
        order.getAuthorizations().get(0).findChallenge(Dns01Challenge.class).orElseThrow();
    String validationZone = "_acme-challenge." + unique("validation.test");
    ChallengeDns.cname("_acme-challenge." + domain, validationZone);
    ChallengeDns.txt(validationZone, challenge.getDigest());
    challenge.trigger();
    assertEquals(Status.VALID, challenge.waitForCompletion(WAIT));
    assertEquals(Status.READY, order.waitUntilReady(WAIT));
  }

  /**
   * Issue 12: a redirect to an absolute HTTPS name (final dot) made the probe throw and left the
   * challenge processing, re-run every three minutes for ever. It ends invalid.
   */
  @Test
  void http01RedirectedToAnAbsoluteHttpsNameEndsInvalid() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().domain(unique("dotted.test")).create();
    Http01Challenge challenge =
        order.getAuthorizations().get(0).findChallenge(Http01Challenge.class).orElseThrow();
    ChallengeResponders.redirect(challenge.getToken(), "https://attacker.example./");
    challenge.trigger();
    assertEquals(Status.INVALID, challenge.waitForCompletion(WAIT));
    order.fetch();
    assertEquals(Status.INVALID, order.getStatus());
  }

  /**
   * Issue 12: validation never connects to link-local addresses, where cloud metadata services
   * answer.
   */
  @Test
  void aNameThatResolvesToALinkLocalAddressIsNotFetched() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    String domain = unique("metadata.test");
    ChallengeDns.a(domain, "169.254.169.254");
    Order order = login.newOrder().domain(domain).create();
    Http01Challenge challenge =
        order.getAuthorizations().get(0).findChallenge(Http01Challenge.class).orElseThrow();
    challenge.trigger();
    assertEquals(Status.INVALID, challenge.waitForCompletion(WAIT));
    var problem = challenge.getError().orElseThrow();
    assertEquals("urn:ietf:params:acme:error:connection", problem.getType().toString());
    assertTrue(problem.getDetail().orElse("").contains("may not connect to"), problem.toString());

    String redirected = unique("redirected.test");
    Order other = login.newOrder().domain(redirected).create();
    Http01Challenge viaRedirect =
        other.getAuthorizations().get(0).findChallenge(Http01Challenge.class).orElseThrow();
    ChallengeResponders.redirect(viaRedirect.getToken(), "http://" + domain + "/latest/meta-data/");
    viaRedirect.trigger();
    assertEquals(Status.INVALID, viaRedirect.waitForCompletion(WAIT));
    assertTrue(
        viaRedirect.getError().orElseThrow().getDetail().orElse("").contains("may not connect to"));

    AcmeServerException address =
        assertThrows(
            AcmeServerException.class,
            () -> login.newOrder().identifier(Identifier.ip("169.254.169.254")).create());
    assertEquals("urn:ietf:params:acme:error:rejectedIdentifier", address.getType().toString());
  }

  /**
   * A tls-alpn-01 certificate for {@code domain}, signed by the RSA {@code key}, whose critical
   * acmeIdentifier holds {@code value}.
   */
  private static java.security.cert.X509Certificate validationCertificate(
      String domain, java.security.KeyPair key, org.bouncycastle.asn1.ASN1Encodable value)
      throws Exception {
    var name = new org.bouncycastle.asn1.x500.X500Name("CN=" + domain);
    var builder =
        new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
            name,
            java.math.BigInteger.ONE,
            java.util.Date.from(java.time.Instant.now().minusSeconds(60)),
            java.util.Date.from(java.time.Instant.now().plusSeconds(3600)),
            name,
            key.getPublic());
    builder.addExtension(
        org.bouncycastle.asn1.x509.Extension.subjectAlternativeName,
        false,
        new org.bouncycastle.asn1.x509.GeneralNames(
            new org.bouncycastle.asn1.x509.GeneralName(
                org.bouncycastle.asn1.x509.GeneralName.dNSName, domain)));
    builder.addExtension(
        new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31"), true, value);
    var holder =
        builder.build(
            new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                .build(key.getPrivate()));
    return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
  }

  @Test
  void aPendingOrderIsNotReady() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().domain(unique("pending.test")).create();
    AcmeServerException refused =
        assertThrows(AcmeServerException.class, () -> order.execute(Csrs.keys("EC")));
    assertEquals("urn:ietf:params:acme:error:orderNotReady", refused.getType().toString());
  }

  /**
   * Answers the http-01 challenge, waits for it and the order, finalizes, and returns the
   * certificate.
   */
  private static java.security.cert.X509Certificate answerAndFinalize(
      Order order, Http01Challenge challenge) throws Exception {
    ChallengeResponders.http(challenge.getToken(), challenge.getAuthorization());
    challenge.trigger();
    assertEquals(Status.VALID, challenge.waitForCompletion(WAIT));
    assertEquals(Status.READY, order.waitUntilReady(WAIT));
    order.execute(Csrs.keys("EC"));
    assertEquals(Status.VALID, order.waitForCompletion(WAIT));
    return order.getCertificate().getCertificate();
  }

  private static String digest(String keyAuthorization) throws Exception {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            MessageDigest.getInstance("SHA-256")
                .digest(keyAuthorization.getBytes(StandardCharsets.US_ASCII)));
  }
}
