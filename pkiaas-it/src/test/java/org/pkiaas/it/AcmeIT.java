package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.RenewalInfo;
import org.shredzone.acme4j.RevocationReason;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * The ACME server driven by acme4j (a client nobody here wrote): registration with external account
 * binding and its refusals, pre-approved orders through to a revoked certificate that OCSP reports,
 * and the RFC 8555 errors.
 */
class AcmeIT extends ServerIT {

  private final AcmeFixture acme =
      new AcmeFixture("ACME Root " + System.nanoTime(), "*.acme.test, host.other.test");

  private static String error(AcmeServerException e) {
    return e.getType().toString();
  }

  private static void assertRefused(String type, org.junit.jupiter.api.function.Executable action) {
    AcmeServerException e = assertThrows(AcmeServerException.class, action);
    assertEquals("urn:ietf:params:acme:error:" + type, error(e), e::getMessage);
  }

  @Test
  void theDirectoryRequiresExternalAccountBinding() throws Exception {
    assertTrue(AcmeFixture.session().getMetadata().isExternalAccountRequired());
    JsonObject directory = Api.anonymous().get("/pki/acme/directory").json();
    assertEquals(Api.BASE_URL + "/pki/acme/new-account", directory.getString("newAccount"));
    Api.Reply nonce = Api.anonymous().get("/pki/acme/new-nonce");
    assertEquals(204, nonce.status());
    assertTrue(nonce.headers().firstValue("Replay-Nonce").isPresent());
    assertEquals("no-store", nonce.headers().firstValue("Cache-Control").orElse(""));
  }

  @Test
  void registrationNeedsAValidBinding() throws Exception {
    assertRefused(
        "externalAccountRequired",
        () ->
            new AccountBuilder()
                .agreeToTermsOfService()
                .useKeyPair(AcmeFixture.accountKey())
                .create(AcmeFixture.session()));

    JsonObject eab = acme.eab();
    byte[] wrongKey = new byte[32];
    assertRefused(
        "unauthorized",
        () ->
            new AccountBuilder()
                .agreeToTermsOfService()
                .withKeyIdentifier(
                    eab.getString("kid"),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(wrongKey))
                .useKeyPair(AcmeFixture.accountKey())
                .create(AcmeFixture.session()));
    assertRefused(
        "unauthorized",
        () ->
            new AccountBuilder()
                .agreeToTermsOfService()
                .withKeyIdentifier("no-such-kid", eab.getString("hmacKey"))
                .useKeyPair(AcmeFixture.accountKey())
                .create(AcmeFixture.session()));

    Account first =
        new AccountBuilder()
            .agreeToTermsOfService()
            .addEmail("first@example.com")
            .withKeyIdentifier(eab.getString("kid"), eab.getString("hmacKey"))
            .useKeyPair(AcmeFixture.accountKey())
            .create(AcmeFixture.session());
    assertEquals(Status.VALID, first.getStatus());
    assertRefused(
        "unauthorized",
        () ->
            new AccountBuilder()
                .agreeToTermsOfService()
                .withKeyIdentifier(eab.getString("kid"), eab.getString("hmacKey"))
                .useKeyPair(AcmeFixture.accountKey())
                .create(AcmeFixture.session()));
    assertEquals(
        1,
        acme.owner
            .get("/api/v1/acme-policies/" + acme.policyId + "/eabs/" + eab.getString("id"))
            .json()
            .getInt("used"));
  }

  @Test
  void anExpiredBindingIsRefused() throws Exception {
    JsonObject eab = acme.eab(5, Instant.now().plusSeconds(2));
    Thread.sleep(3000);
    assertRefused(
        "unauthorized",
        () ->
            new AccountBuilder()
                .agreeToTermsOfService()
                .withKeyIdentifier(eab.getString("kid"), eab.getString("hmacKey"))
                .useKeyPair(AcmeFixture.accountKey())
                .create(AcmeFixture.session()));
  }

  @Test
  void aDeletedBindingAdmitsNoOneButItsAccountsKeepWorking() throws Exception {
    JsonObject eab = acme.eab(5, null);
    KeyPair key = AcmeFixture.accountKey();
    Login login =
        new AccountBuilder()
            .withKeyIdentifier(eab.getString("kid"), eab.getString("hmacKey"))
            .useKeyPair(key)
            .createLogin(AcmeFixture.session());
    assertEquals(
        204,
        acme.owner
            .delete("/api/v1/acme-policies/" + acme.policyId + "/eabs/" + eab.getString("id"))
            .status());
    assertRefused(
        "unauthorized",
        () ->
            new AccountBuilder()
                .withKeyIdentifier(eab.getString("kid"), eab.getString("hmacKey"))
                .useKeyPair(AcmeFixture.accountKey())
                .create(AcmeFixture.session()));
    Order order = login.newOrder().domain("still.acme.test").create();
    assertEquals(Status.READY, order.getStatus());
  }

  @Test
  void onlyReturnExistingFindsTheAccountOfAKey() throws Exception {
    KeyPair key = AcmeFixture.accountKey();
    assertRefused(
        "accountDoesNotExist",
        () -> new AccountBuilder().onlyExisting().useKeyPair(key).create(AcmeFixture.session()));
    Login login = acme.register(key);
    Login found =
        new AccountBuilder().onlyExisting().useKeyPair(key).createLogin(AcmeFixture.session());
    assertEquals(login.getAccountLocation(), found.getAccountLocation());
    JsonObject eab = acme.eab();
    Login again =
        new AccountBuilder()
            .withKeyIdentifier(eab.getString("kid"), eab.getString("hmacKey"))
            .useKeyPair(key)
            .createLogin(AcmeFixture.session());
    assertEquals(login.getAccountLocation(), again.getAccountLocation(), "one key, one account");
    assertEquals(
        0,
        acme.owner
            .get("/api/v1/acme-policies/" + acme.policyId + "/eabs/" + eab.getString("id"))
            .json()
            .getInt("used"));
  }

  @Test
  void theAccountKeyRollsOver() throws Exception {
    KeyPair oldKey = AcmeFixture.accountKey();
    Login login = acme.register(oldKey);
    KeyPair newKey = AcmeFixture.accountKey();
    login.getAccount().changeKey(newKey);
    Login renewed =
        new AccountBuilder().onlyExisting().useKeyPair(newKey).createLogin(AcmeFixture.session());
    assertEquals(login.getAccountLocation(), renewed.getAccountLocation());
    assertRefused(
        "accountDoesNotExist",
        () -> new AccountBuilder().onlyExisting().useKeyPair(oldKey).create(AcmeFixture.session()));
    assertEquals(Status.READY, renewed.newOrder().domain("rolled.acme.test").create().getStatus());

    KeyPair taken = AcmeFixture.accountKey();
    acme.register(taken);
    assertThrows(
        org.shredzone.acme4j.exception.AcmeException.class,
        () -> renewed.getAccount().changeKey(taken));
    assertEquals(
        Status.READY,
        new AccountBuilder()
            .onlyExisting()
            .useKeyPair(newKey)
            .createLogin(AcmeFixture.session())
            .newOrder()
            .domain("still.acme.test")
            .create()
            .getStatus(),
        "a refused change keeps the key");
  }

  @Test
  void aPreApprovedOrderGivesAnOrdinaryCertificateThatRevokes() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().domains("www.acme.test", "*.acme.test").create();
    assertEquals(Status.READY, order.getStatus());
    List<Authorization> authorizations = order.getAuthorizations();
    assertEquals(2, authorizations.size());
    for (Authorization authorization : authorizations) {
      assertEquals(Status.VALID, authorization.getStatus());
      assertTrue(authorization.getChallenges().isEmpty(), "pre-approved: no challenge");
    }
    assertTrue(authorizations.stream().anyMatch(Authorization::isWildcard));

    order.execute(Csrs.keys("EC"));
    assertEquals(Status.VALID, order.waitForCompletion(java.time.Duration.ofSeconds(30)));
    Certificate certificate = order.getCertificate();
    X509Certificate leaf = certificate.getCertificate();
    assertEquals(2, certificate.getCertificateChain().size(), "the leaf and its root");
    assertEquals(
        acme.caCertificate.getSubject().toString(),
        leaf.getIssuerX500Principal().getName().replace(",", ","));
    assertTrue(
        leaf.getSubjectAlternativeNames().stream()
            .map(n -> n.get(1))
            .toList()
            .containsAll(List.of("www.acme.test", "*.acme.test")));

    String serial = leaf.getSerialNumber().toString(16);
    String listed = acme.owner.get("/api/v1/cas/" + acme.caId + "/certificates?size=500").text();
    assertTrue(listed.toLowerCase().contains(serial), "listed among the CA's certificates");

    certificate.revoke(RevocationReason.KEY_COMPROMISE);
    assertInstanceOf(RevokedStatus.class, ocspStatus(leaf.getSerialNumber()));
    assertRefused("alreadyRevoked", () -> certificate.revoke());
  }

  @Test
  void renewalInformationSuggestsAWindowAndOrdersReplaceOnce() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().domain("renew.acme.test").create();
    order.execute(Csrs.keys("EC"));
    order.waitForCompletion(java.time.Duration.ofSeconds(30));
    Certificate certificate = order.getCertificate();
    X509Certificate leaf = certificate.getCertificate();
    assertTrue(certificate.hasRenewalInfo(), "the directory offers renewalInfo");
    RenewalInfo info = certificate.getRenewalInfo();
    assertTrue(info.getSuggestedWindowStart().isAfter(leaf.getNotBefore().toInstant()));
    assertTrue(info.getSuggestedWindowEnd().isBefore(leaf.getNotAfter().toInstant()));
    assertTrue(info.renewalIsNotRequired(Instant.now()));

    Login stranger = acme.register(AcmeFixture.accountKey());
    assertRefused(
        "unauthorized",
        () -> stranger.newOrder().domain("renew.acme.test").replaces(leaf).create());
    Order renewal = login.newOrder().domain("renew.acme.test").replaces(certificate).create();
    assertEquals(Status.READY, renewal.getStatus());
    assertRefused(
        "alreadyReplaced",
        () -> login.newOrder().domain("renew.acme.test").replaces(certificate).create());

    certificate.revoke();
    info.fetch();
    assertTrue(info.renewalIsOverdue(Instant.now()), "a revoked certificate is renewed at once");
    Api.Reply unknown = Api.anonymous().get("/pki/acme/renewal-info/AAAA.AQ");
    assertEquals(404, unknown.status(), unknown::toString);
  }

  @Test
  void theCertificateKeyRevokesToo() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    KeyPair domainKey = Csrs.keys("EC");
    Order order = login.newOrder().domain("host.other.test").create();
    order.execute(domainKey);
    order.waitForCompletion(java.time.Duration.ofSeconds(30));
    X509Certificate leaf = order.getCertificate().getCertificate();
    Certificate.revoke(AcmeFixture.session(), domainKey, leaf, RevocationReason.KEY_COMPROMISE);
    assertInstanceOf(RevokedStatus.class, ocspStatus(leaf.getSerialNumber()));
  }

  @Test
  void aCsrThatDoesNotMatchTheOrderIsBad() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().domain("a.acme.test").create();
    byte[] other =
        Pki.csr(Csrs.csr(Csrs.keys("EC"), "CN=b.acme.test", List.of("b.acme.test"))).getEncoded();
    assertRefused("badCSR", () -> order.execute(other));
    byte[] more =
        Pki.csr(Csrs.csr(Csrs.keys("EC"), "CN=a.acme.test", List.of("a.acme.test", "c.acme.test")))
            .getEncoded();
    assertRefused("badCSR", () -> order.execute(more));
    order.fetch();
    assertEquals(Status.READY, order.getStatus(), "a refused CSR leaves the order ready");
  }

  @Test
  void identifiersOutsideThePolicyNeedChallengesAndBadOnesAreRejected() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    Order order = login.newOrder().domains("www.example.com", "www.acme.test").create();
    assertEquals(Status.PENDING, order.getStatus());
    assertEquals(
        List.of(Status.PENDING, Status.VALID),
        order.getAuthorizations().stream()
            .sorted(
                java.util.Comparator.comparing(
                    a -> a.getIdentifier().getDomain().contains("example") ? 0 : 1))
            .map(Authorization::getStatus)
            .toList());
    assertRefused(
        "rejectedIdentifier", () -> login.newOrder().domain("bad_name.acme.test").create());
    assertRefused("rejectedIdentifier", () -> login.newOrder().domain("*.com").create());
    assertRefused("rejectedIdentifier", () -> login.newOrder().domain("192.0.2.1").create());
    assertRefused(
        "unsupportedIdentifier",
        () ->
            login
                .newOrder()
                .identifier(new org.shredzone.acme4j.Identifier("email", "ops@example.com"))
                .create());
  }

  @Test
  void aDeactivatedAccountCanDoNothingMore() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    Account account = login.getAccount();
    account.deactivate();
    assertEquals(Status.DEACTIVATED, account.getStatus());
    assertRefused("unauthorized", () -> login.newOrder().domain("x.acme.test").create());
    JsonObject listed =
        acme.owner.get("/api/v1/acme-policies/" + acme.policyId + "/accounts").array().stream()
            .map(JsonObject.class::cast)
            .filter(a -> login.getAccountLocation().toString().endsWith(a.getString("id")))
            .findFirst()
            .orElseThrow();
    assertEquals("deactivated", listed.getString("status"));
  }

  @Test
  void theAdministratorDeactivatesAnAccount() throws Exception {
    Login login = acme.register(AcmeFixture.accountKey());
    String id =
        login
            .getAccountLocation()
            .toString()
            .substring(login.getAccountLocation().toString().lastIndexOf('/') + 1);
    Api.Reply deactivated =
        acme.owner.post(
            "/api/v1/acme-policies/" + acme.policyId + "/accounts/" + id + "/deactivate",
            Json.createObjectBuilder().build());
    assertEquals(200, deactivated.status(), deactivated::toString);
    assertRefused("unauthorized", () -> login.newOrder().domain("y.acme.test").create());
    Problems.assertProblem(
        Api.newUser()
            .post(
                "/api/v1/acme-policies/" + acme.policyId + "/accounts/" + id + "/deactivate",
                Json.createObjectBuilder().build()),
        404);
  }

  @Test
  void anEd25519AccountKeySignsWithEdDsa() throws Exception {
    // jose4j, the JOSE library under acme4j, speaks EdDSA (RFC 8037); acme4j itself offers only RSA
    // and EC keys
    KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    JsonObject eab = acme.eab();
    String newAccount = Api.BASE_URL + "/pki/acme/new-account";
    JsonWebSignature binding = new JsonWebSignature();
    binding.setPayload(PublicJsonWebKey.Factory.newPublicJwk(key.getPublic()).toJson());
    binding.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    binding.setKeyIdHeaderValue(eab.getString("kid"));
    binding.setHeader("url", newAccount);
    binding.setKey(new HmacKey(Base64.getUrlDecoder().decode(eab.getString("hmacKey"))));
    String registration =
        Json.createObjectBuilder()
            .add("termsOfServiceAgreed", true)
            .add("externalAccountBinding", flattened(binding))
            .build()
            .toString();
    Api.Reply created =
        Api.anonymous()
            .post(
                "/pki/acme/new-account",
                "application/jose+json",
                jws(key, AlgorithmIdentifiers.EDDSA, null, nonce(), newAccount, registration));
    assertEquals(201, created.status(), created::toString);
    String account = created.headers().firstValue("Location").orElseThrow();
    String path = account.substring(Api.BASE_URL.length());

    Api.Reply fetched =
        Api.anonymous()
            .post(
                path,
                "application/jose+json",
                jws(key, AlgorithmIdentifiers.EDDSA, account, nonce(), account, ""));
    assertEquals(200, fetched.status(), fetched::toString);
    assertEquals("valid", fetched.json().getString("status"));

    byte[] signed = jws(key, AlgorithmIdentifiers.EDDSA, account, nonce(), account, "");
    JsonObject original = Json.createReader(new java.io.ByteArrayInputStream(signed)).readObject();
    String signature = original.getString("signature");
    String forged = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    Api.Reply refused =
        Api.anonymous()
            .post(
                path,
                "application/jose+json",
                Json.createObjectBuilder(original)
                    .add("signature", forged)
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "urn:ietf:params:acme:error:malformed",
        refused.json().getString("type"),
        refused::toString);
  }

  /**
   * Issue 13's ACME inputs, replayed against the deployed server: a payload nested 1,001 deep was a
   * 500, and an RSA account key with public exponent 1 answered a detail naming {@code
   * java.security.InvalidKeyException}. Each is now an ACME problem in the protocol's words: {@code
   * malformed} and {@code badPublicKey}.
   */
  @Test
  void hostileAccountRequestsGetAcmeProblemsInAcmeWords() throws Exception {
    String url = Api.BASE_URL + "/pki/acme/new-account";
    String deep = "{\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
    Api.Reply nested =
        Api.anonymous()
            .post(
                "/pki/acme/new-account",
                "application/jose+json",
                jws(AcmeFixture.accountKey(), nonce(), url, deep));
    assertEquals(400, nested.status(), nested::toString);
    assertEquals(
        "urn:ietf:params:acme:error:malformed", nested.json().getString("type"), nested::toString);
    assertNoJavaNames(nested);

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    byte[] signed =
        jws(
            generator.generateKeyPair(),
            AlgorithmIdentifiers.RSA_USING_SHA256,
            null,
            nonce(),
            url,
            "{\"termsOfServiceAgreed\":true}");
    JsonObject original = Json.createReader(new java.io.ByteArrayInputStream(signed)).readObject();
    JsonObject header =
        Json.createReader(
                new java.io.ByteArrayInputStream(
                    Base64.getUrlDecoder().decode(original.getString("protected"))))
            .readObject();
    JsonObject exponentOne =
        Json.createObjectBuilder(header)
            .add("jwk", Json.createObjectBuilder(header.getJsonObject("jwk")).add("e", "AQ"))
            .build();
    String weakHeader =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(exponentOne.toString().getBytes(StandardCharsets.UTF_8));
    Api.Reply weak =
        Api.anonymous()
            .post(
                "/pki/acme/new-account",
                "application/jose+json",
                Json.createObjectBuilder(original)
                    .add("protected", weakHeader)
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
    assertEquals(400, weak.status(), weak::toString);
    // refused when the key is read, before any signature is checked
    assertEquals(
        "urn:ietf:params:acme:error:badPublicKey", weak.json().getString("type"), weak::toString);
    assertTrue(weak.json().getString("detail").contains("65537"), weak::toString);
    assertNoJavaNames(weak);
  }

  private static void assertNoJavaNames(Api.Reply reply) {
    assertFalse(
        reply.text().contains("java.") || reply.text().contains("Exception"),
        () -> "the problem names Java classes: " + reply);
  }

  @Test
  void aReplayedNonceIsRefusedWithAFreshOne() throws Exception {
    KeyPair key = AcmeFixture.accountKey();
    String url = Api.BASE_URL + "/pki/acme/new-account";
    String nonce = nonce();
    byte[] body = jws(key, nonce, url, "{\"onlyReturnExisting\":true}");
    Api.Reply first = Api.anonymous().post("/pki/acme/new-account", "application/jose+json", body);
    assertEquals(
        "urn:ietf:params:acme:error:accountDoesNotExist",
        first.json().getString("type"),
        first::toString);
    Api.Reply replayed =
        Api.anonymous().post("/pki/acme/new-account", "application/jose+json", body);
    assertEquals(400, replayed.status());
    assertTrue(replayed.contentType().startsWith("application/problem+json"), replayed::toString);
    assertEquals("urn:ietf:params:acme:error:badNonce", replayed.json().getString("type"));
    String fresh = replayed.headers().firstValue("Replay-Nonce").orElseThrow();
    assertNotEquals(nonce, fresh);
    Api.Reply retried =
        Api.anonymous()
            .post(
                "/pki/acme/new-account",
                "application/jose+json",
                jws(key, fresh, url, "{\"onlyReturnExisting\":true}"));
    assertEquals(
        "urn:ietf:params:acme:error:accountDoesNotExist",
        retried.json().getString("type"),
        retried::toString);

    String madeUp = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[40]);
    Api.Reply forged =
        Api.anonymous()
            .post(
                "/pki/acme/new-account",
                "application/jose+json",
                jws(key, madeUp, url, "{\"onlyReturnExisting\":true}"));
    assertEquals(
        "urn:ietf:params:acme:error:badNonce",
        forged.json().getString("type"),
        "a nonce nobody issued");

    Api.Reply wrongUrl =
        Api.anonymous()
            .post(
                "/pki/acme/new-account",
                "application/jose+json",
                jws(key, fresh, Api.BASE_URL + "/pki/acme/new-order", "{}"));
    assertEquals(
        "urn:ietf:params:acme:error:unauthorized",
        wrongUrl.json().getString("type"),
        wrongUrl::toString);
    Api.Reply garbage =
        Api.anonymous()
            .post(
                "/pki/acme/new-account",
                "application/jose+json",
                "{".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "urn:ietf:params:acme:error:malformed",
        garbage.json().getString("type"),
        garbage::toString);
    assertFalse(garbage.text().contains("Exception"));
  }

  @Test
  void aRefusedRequestUsesUpItsNonceAndChangesNothing() throws Exception {
    KeyPair key = AcmeFixture.accountKey();
    Login login = acme.register(key);
    Order order = login.newOrder().domain("replay.acme.test").create();
    String finalizeUrl = order.getLocation() + "/finalize";
    String csr =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                Pki.csr(Csrs.csr(Csrs.keys("EC"), "CN=other.acme.test", List.of("other.acme.test")))
                    .getEncoded());
    byte[] body =
        jws(
            key,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            login.getAccountLocation().toString(),
            nonce(),
            finalizeUrl,
            "{\"csr\":\"" + csr + "\"}");
    String path = finalizeUrl.substring(Api.BASE_URL.length());
    Api.Reply refused = Api.anonymous().post(path, "application/jose+json", body);
    assertEquals(
        "urn:ietf:params:acme:error:badCSR", refused.json().getString("type"), refused::toString);
    Api.Reply replayed = Api.anonymous().post(path, "application/jose+json", body);
    assertEquals(
        "urn:ietf:params:acme:error:badNonce",
        replayed.json().getString("type"),
        "the refused request's nonce is used up");
    order.fetch();
    assertEquals(Status.READY, order.getStatus(), "the refused finalization changed nothing");
  }

  /** A flattened JWS as RFC 8555 §6.2 has clients send, signed with the key in a jwk header. */
  private static byte[] jws(KeyPair key, String nonce, String url, String payload)
      throws Exception {
    return jws(
        key, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, null, nonce, url, payload);
  }

  /**
   * A flattened JWS with {@code algorithm}, with a kid header when {@code accountUrl} is given,
   * else with the key's jwk.
   */
  private static byte[] jws(
      KeyPair key, String algorithm, String accountUrl, String nonce, String url, String payload)
      throws Exception {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(payload);
    jws.setAlgorithmHeaderValue(algorithm);
    if (accountUrl == null) {
      jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(key.getPublic()));
    } else {
      jws.setKeyIdHeaderValue(accountUrl);
    }
    jws.setHeader("nonce", nonce);
    jws.setHeader("url", url);
    jws.setKey(key.getPrivate());
    return flattened(jws).toString().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject flattened(JsonWebSignature jws) throws Exception {
    String[] parts = jws.getCompactSerialization().split("\\.", -1);
    return Json.createObjectBuilder()
        .add("protected", parts[0])
        .add("payload", parts[1])
        .add("signature", parts[2])
        .build();
  }

  private static String nonce() {
    return Api.anonymous()
        .get("/pki/acme/new-nonce")
        .headers()
        .firstValue("Replay-Nonce")
        .orElseThrow();
  }

  private org.bouncycastle.cert.ocsp.CertificateStatus ocspStatus(BigInteger serial)
      throws Exception {
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder()
                .setProvider(Pki.BC)
                .build()
                .get(CertificateID.HASH_SHA1),
            acme.caCertificate,
            serial);
    byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
    BasicOCSPResp response =
        StatusPki.basic(
            Api.anonymous().post("/pki/ocsp/" + acme.caId, "application/ocsp-request", request));
    return response.getResponses()[0].getCertStatus();
  }
}
