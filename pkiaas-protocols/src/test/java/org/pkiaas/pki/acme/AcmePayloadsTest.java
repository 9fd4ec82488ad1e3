package org.pkiaas.pki.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pkiaas.acme.boundary.AcmeAccounts.KeyChange;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.entity.AcmeIdentifier;

/**
 * The request payloads of RFC 8555 §7.3–§7.6 read by {@link AcmePayloads}, from the fixtures under
 * {@code src/test/resources/acme/} (the RFC's examples; the CSR and certificate made by openssl,
 * the keyChange JWS signed with Nimbus JOSE+JWT).
 */
class AcmePayloadsTest {

  private static AcmeError refusal(Runnable action) {
    return assertThrows(AcmeProblem.class, action::run).error();
  }

  private static JsonObject inline(String json) {
    return JsonP.JSON.createReader(new StringReader(json)).readObject();
  }

  @Test
  void newAccountReadsContactsAndTheBindingsThreeParts() {
    // §7.3, §7.3.4
    JsonObject json = AcmeFixtures.json("new-account.json");
    AcmePayloads.NewAccount payload = AcmePayloads.newAccount(json);

    assertEquals(
        List.of("mailto:cert-admin@example.org", "mailto:admin@example.org"), payload.contact());
    assertFalse(payload.onlyReturnExisting());
    JsonObject eab = json.getJsonObject("externalAccountBinding");
    assertEquals(eab.getString("protected"), payload.binding().protectedHeader());
    assertEquals(eab.getString("payload"), payload.binding().payload());
    assertEquals(eab.getString("signature"), payload.binding().signature());
  }

  @Test
  void newAccountMayOnlyLookUpTheAccount() {
    // §7.3.1
    AcmePayloads.NewAccount payload =
        AcmePayloads.newAccount(AcmeFixtures.json("new-account-only-existing.json"));

    assertTrue(payload.onlyReturnExisting());
    assertEquals(List.of(), payload.contact());
    assertNull(payload.binding());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"contact\": \"mailto:a@example.org\", \"onlyReturnExisting\": 1}",
        "{\"contact\": [1]}",
        "{\"onlyReturnExisting\": \"yes\"}",
        "{\"externalAccountBinding\": \"a.b.c\"}",
        "{\"externalAccountBinding\": {\"protected\": 1, \"payload\": \"\", \"signature\": \"\"}}"
      })
  void newAccountFieldsOfTheWrongTypeAreMalformed(String json) {
    assertEquals(AcmeError.MALFORMED, refusal(() -> AcmePayloads.newAccount(inline(json))));
  }

  @Test
  void accountUpdateReplacesContactsOrDeactivates() {
    // §7.3.2, §7.3.6
    AcmePayloads.AccountUpdate update =
        AcmePayloads.accountUpdate(AcmeFixtures.json("account-update.json"));
    AcmePayloads.AccountUpdate deactivation =
        AcmePayloads.accountUpdate(AcmeFixtures.json("account-deactivate.json"));

    assertEquals(
        List.of("mailto:certificates@example.org", "mailto:admin@example.org"), update.contact());
    assertFalse(update.deactivate());
    assertNull(deactivation.contact(), "contacts not named are kept");
    assertTrue(deactivation.deactivate());
    assertEquals(
        AcmeError.MALFORMED,
        refusal(() -> AcmePayloads.accountUpdate(inline("{\"status\": \"valid\"}"))));
  }

  @Test
  void newOrderReadsTypedIdentifiersAndWhatItReplaces() {
    // §7.4, RFC 8738 §3, RFC 9773 §5
    AcmePayloads.NewOrder order = AcmePayloads.newOrder(AcmeFixtures.json("new-order.json"));

    assertEquals(
        List.of(
            AcmeIdentifier.dns("www.example.org"),
            AcmeIdentifier.dns("*.example.org"),
            AcmeIdentifier.ip("2001:db8::1")),
        order.identifiers());
    assertEquals("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE", order.replaces());
  }

  @Test
  void newOrderRefusesIdentifierTypesThisServerHasNot() {
    // §7.4: unsupportedIdentifier
    assertEquals(
        AcmeError.UNSUPPORTED_IDENTIFIER,
        refusal(() -> AcmePayloads.newOrder(AcmeFixtures.json("new-order-email.json"))));
    assertEquals(
        AcmeError.MALFORMED,
        refusal(() -> AcmePayloads.newOrder(inline("{\"identifiers\": [\"www.example.org\"]}"))));
  }

  @Test
  void newOrderRefusesAValidityOfItsOwn() {
    assertEquals(
        AcmeError.MALFORMED,
        refusal(() -> AcmePayloads.newOrder(AcmeFixtures.json("new-order-validity.json"))));
  }

  @Test
  void finalizeDecodesTheCsr() throws Exception {
    // §7.4: base64url DER of a PKCS#10 request
    byte[] csr = AcmePayloads.finalizeOrder(AcmeFixtures.json("finalize.json")).csr();

    assertEquals(
        new X500Name("CN=www.example.org"), new PKCS10CertificationRequest(csr).getSubject());
    assertEquals(
        AcmeError.MALFORMED,
        refusal(
            () -> AcmePayloads.finalizeOrder(AcmeFixtures.json("finalize-not-base64url.json"))));
    assertEquals(AcmeError.MALFORMED, refusal(() -> AcmePayloads.finalizeOrder(inline("{}"))));
  }

  @Test
  void revokeCertDecodesTheCertificateAndReason() throws Exception {
    // §7.6
    AcmePayloads.RevokeCert withReason =
        AcmePayloads.revokeCert(AcmeFixtures.json("revoke-cert.json"));
    AcmePayloads.RevokeCert without =
        AcmePayloads.revokeCert(AcmeFixtures.json("revoke-cert-no-reason.json"));

    assertEquals(
        BigInteger.valueOf(0x1001),
        new X509CertificateHolder(withReason.certificate()).getSerialNumber());
    assertEquals(4, withReason.reason());
    assertNull(without.reason());
    assertEquals(
        -1,
        AcmePayloads.revokeCert(inline("{\"certificate\": \"MIIB\", \"reason\": \"superseded\"}"))
            .reason(),
        "a reason that is no number reaches the boundary as -1, which refuses it");
  }

  @Test
  void keyChangeReadsTheInnerJwsSignedByTheNewKey() throws Exception {
    // §7.3.5
    KeyChange change = AcmePayloads.keyChange(AcmeFixtures.json("keychange.json"));

    assertEquals(AcmeFixtures.BASE + "/pki/acme/key-change", change.innerUrl());
    assertFalse(change.innerNonce());
    assertEquals(AcmeFixtures.BASE + "/pki/acme/account/${accountId}", change.account());
    assertEquals(
        JWK.parse(AcmeFixtures.text("keychange-old-key.json", java.util.Map.of())),
        change.oldKey());
    assertFalse(change.newKey().isPrivate());
    assertFalse(change.newKey().equals(change.oldKey()));
  }

  @Test
  void keyChangeReportsAnInnerNonceForTheBoundaryToRefuse() {
    assertTrue(
        AcmePayloads.keyChange(AcmeFixtures.json("keychange-inner-nonce.json")).innerNonce());
  }

  @Test
  void keyChangeWhoseInnerSignatureFailsIsMalformed() {
    assertEquals(
        AcmeError.MALFORMED,
        refusal(() -> AcmePayloads.keyChange(AcmeFixtures.json("keychange-bad-signature.json"))));
  }
}
