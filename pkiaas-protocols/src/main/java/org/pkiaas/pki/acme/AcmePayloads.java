package org.pkiaas.pki.acme;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.pkiaas.acme.boundary.AcmeAccounts.Binding;
import org.pkiaas.acme.boundary.AcmeAccounts.KeyChange;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.entity.AcmeIdentifier;

/**
 * The payloads of the JWS-signed ACME requests (RFC 8555 §7.3–§7.6), read into typed records in
 * this one place: a field of the wrong JSON type, a missing required field or a value that is not
 * base64url is {@code malformed} here, before any boundary sees the request. What a value means (a
 * contact's scheme, an identifier's syntax, a CSR's content) the boundaries decide.
 */
final class AcmePayloads {

  private AcmePayloads() {}

  /**
   * newAccount (§7.3): contacts, onlyReturnExisting (§7.3.1) and the externalAccountBinding
   * (§7.3.4), a flattened JWS kept as its three parts for the accounts boundary to verify.
   */
  record NewAccount(List<String> contact, boolean onlyReturnExisting, Binding binding) {}

  /**
   * An account update (§7.3.2) or deactivation (§7.3.6).
   *
   * @param contact the new contacts, or null to keep them
   */
  record AccountUpdate(List<String> contact, boolean deactivate) {}

  /**
   * newOrder (§7.4): the identifiers as sent, their types known; and the ARI {@code replaces} (RFC
   * 9773 §5), or null.
   */
  record NewOrder(List<AcmeIdentifier> identifiers, String replaces) {}

  /** finalize (§7.4): the CSR's DER (PKCS#10, RFC 2986). */
  record Finalize(byte[] csr) {}

  /**
   * revokeCert (§7.6): the certificate's DER and the CRLReason code (RFC 5280 §5.3.1), null when
   * none was given, -1 when it was not a number.
   */
  record RevokeCert(byte[] certificate, Integer reason) {}

  static NewAccount newAccount(JsonObject payload) {
    Binding binding = null;
    JsonValue eab = payload.get("externalAccountBinding");
    if (eab != null && eab.getValueType() != JsonValue.ValueType.NULL) {
      if (!(eab instanceof JsonObject jws)) {
        throw new AcmeProblem(
            AcmeError.MALFORMED, "'externalAccountBinding' must be a flattened JWS object");
      }
      binding =
          new Binding(string(jws, "protected"), string(jws, "payload"), string(jws, "signature"));
    }
    return new NewAccount(contacts(payload), bool(payload, "onlyReturnExisting"), binding);
  }

  static AccountUpdate accountUpdate(JsonObject payload) {
    String status = string(payload, "status");
    if (status != null && !status.equals("deactivated")) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "An account's status can only be changed to deactivated");
    }
    return new AccountUpdate(
        payload.containsKey("contact") ? contacts(payload) : null, status != null);
  }

  static NewOrder newOrder(JsonObject payload) {
    if (payload.containsKey("notBefore") || payload.containsKey("notAfter")) {
      throw new AcmeProblem(
          AcmeError.MALFORMED,
          "notBefore and notAfter are not supported: the template decides the validity");
    }
    List<AcmeIdentifier> identifiers = new ArrayList<>();
    if (payload.get("identifiers") instanceof JsonArray array) {
      for (JsonValue value : array) {
        identifiers.add(identifier(value));
      }
    }
    return new NewOrder(identifiers, string(payload, "replaces"));
  }

  /** An identifier object (§9.7.7) of a type this server knows: dns (§7.1.4) or ip (RFC 8738). */
  private static AcmeIdentifier identifier(JsonValue value) {
    if (!(value instanceof JsonObject object)) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "Each identifier is an object with type and value");
    }
    String type = string(object, "type");
    AcmeIdentifier.Type known = AcmeIdentifier.Type.parse(type);
    if (known == null) {
      throw new AcmeProblem(
          AcmeError.UNSUPPORTED_IDENTIFIER,
          "Identifiers of type '" + type + "' are not supported; use dns or ip");
    }
    String text = string(object, "value");
    return new AcmeIdentifier(known, text == null ? "" : text);
  }

  static Finalize finalizeOrder(JsonObject payload) {
    return new Finalize(base64Url(payload, "csr"));
  }

  static RevokeCert revokeCert(JsonObject payload) {
    Integer reason = null;
    if (payload.containsKey("reason")) {
      reason = payload.get("reason") instanceof JsonNumber number ? number.intValue() : -1;
    }
    return new RevokeCert(base64Url(payload, "certificate"), reason);
  }

  /**
   * keyChange (§7.3.5): the payload is itself a JWS, signed by the new key in its {@code jwk}
   * header, whose payload names the account and its old key. The inner signature is checked here;
   * the rules that tie the two together are the accounts boundary's.
   */
  static KeyChange keyChange(JsonObject payload) {
    JwsMessage inner = JwsMessage.parse(payload.toString());
    if (inner.jwk() == null) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "The inner JWS needs a jwk, the keyChange url and no nonce");
    }
    inner.verify(JwsMessage.verifier(inner.jwk()));
    JsonObject change = inner.payloadOrEmpty();
    JWK oldKey;
    try {
      oldKey = JWK.parse(change.getJsonObject("oldKey").toString());
    } catch (ParseException | ClassCastException | NullPointerException e) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "oldKey must be the account's current key as a JWK");
    }
    return new KeyChange(
        inner.url(), inner.nonce() != null, inner.jwk(), string(change, "account"), oldKey);
  }

  /** The SubjectPublicKeyInfo of a jwk that signed a revocation (§7.6). */
  static byte[] publicKey(JWK jwk) {
    try {
      return ((AsymmetricJWK) jwk).toPublicKey().getEncoded();
    } catch (JOSEException | ClassCastException e) {
      throw new AcmeProblem(AcmeError.BAD_PUBLIC_KEY, "The jwk is no public key");
    }
  }

  /** A string member, null when absent or JSON null; anything else is malformed. */
  static String string(JsonObject object, String name) {
    return JwsMessage.string(object, name);
  }

  private static boolean bool(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return false;
    }
    if (value.getValueType() != JsonValue.ValueType.TRUE
        && value.getValueType() != JsonValue.ValueType.FALSE) {
      throw new AcmeProblem(AcmeError.MALFORMED, "'" + name + "' must be true or false");
    }
    return value.getValueType() == JsonValue.ValueType.TRUE;
  }

  /** The contact URLs (§7.3); their schemes and syntax are the accounts boundary's to check. */
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

  private static byte[] base64Url(JsonObject payload, String field) {
    String value = string(payload, field);
    if (value == null || value.isEmpty()) {
      throw new AcmeProblem(AcmeError.MALFORMED, "The payload needs '" + field + "'");
    }
    try {
      return Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new AcmeProblem(AcmeError.MALFORMED, "'" + field + "' is not base64url");
    }
  }
}
