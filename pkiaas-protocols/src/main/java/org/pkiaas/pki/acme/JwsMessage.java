package org.pkiaas.pki.acme;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Set;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.signing.BouncyCastle;

/**
 * An ACME request body (RFC 8555 §6.2): a flattened JSON JWS (RFC 7515 §7.2.2) whose protected
 * header carries {@code alg}, {@code nonce}, {@code url} and either {@code jwk} or {@code kid}.
 * Parsing and signature checks are Nimbus JOSE+JWT's; this class only enforces ACME's rules.
 */
final class JwsMessage {

  static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512,
          JWSAlgorithm.EdDSA);
  private static final int MAX_BODY = 64 * 1024;
  private static final int MIN_RSA_BITS = 2048;
  private static final int MAX_RSA_BITS = 8192;
  private static final BigInteger F4 = BigInteger.valueOf(65537);

  private final JWSObject jws;
  private final JsonObject payload;

  private JwsMessage(JWSObject jws, JsonObject payload) {
    this.jws = jws;
    this.payload = payload;
  }

  static JwsMessage parse(String body) {
    if (body == null || body.isEmpty() || body.length() > MAX_BODY) {
      throw new AcmeProblem(
          AcmeError.MALFORMED,
          "The request body must be a JWS of at most " + MAX_BODY / 1024 + " KiB");
    }
    if (JsonNesting.tooDeep(body)) {
      throw new AcmeProblem(
          AcmeError.MALFORMED,
          "The request body nests deeper than " + JsonNesting.MAX_DEPTH + " levels");
    }
    JWSObject jws;
    try {
      JsonObject flattened = JsonP.JSON.createReader(new StringReader(body)).readObject();
      String header = flattened.getString("protected");
      if (JsonNesting.tooDeep(
          new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8))) {
        throw new AcmeProblem(
            AcmeError.MALFORMED,
            "The protected header nests deeper than " + JsonNesting.MAX_DEPTH + " levels");
      }
      jws =
          JWSObject.parse(
              header
                  + "."
                  + flattened.getString("payload")
                  + "."
                  + flattened.getString("signature"));
    } catch (JsonException
        | ClassCastException
        | NullPointerException
        | ParseException
        | IllegalArgumentException
        | IllegalStateException e) {
      throw new AcmeProblem(AcmeError.MALFORMED, "The request body is not a flattened JSON JWS");
    }
    if (!ALGORITHMS.contains(jws.getHeader().getAlgorithm())) {
      throw new AcmeProblem(
          AcmeError.BAD_SIGNATURE_ALGORITHM,
          "The algorithm "
              + jws.getHeader().getAlgorithm()
              + " is not accepted; use one of RS256, ES256, ES384, ES512, EdDSA");
    }
    boolean hasJwk = jws.getHeader().getJWK() != null;
    boolean hasKid = jws.getHeader().getKeyID() != null;
    if (hasJwk == hasKid) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "The protected header needs exactly one of jwk and kid");
    }
    if (!(jws.getHeader().getCustomParam("url") instanceof String)) {
      throw new AcmeProblem(AcmeError.MALFORMED, "The protected header needs a url");
    }
    return new JwsMessage(jws, payload(jws.getPayload().toString()));
  }

  private static JsonObject payload(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (JsonNesting.tooDeep(text)) {
      throw new AcmeProblem(
          AcmeError.MALFORMED,
          "The payload nests deeper than " + JsonNesting.MAX_DEPTH + " levels");
    }
    try {
      return JsonP.JSON.createReader(new StringReader(text)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new AcmeProblem(AcmeError.MALFORMED, "The payload is not a JSON object");
    }
  }

  String url() {
    return (String) jws.getHeader().getCustomParam("url");
  }

  String nonce() {
    Object nonce = jws.getHeader().getCustomParam("nonce");
    return nonce instanceof String text ? text : null;
  }

  JWK jwk() {
    return jws.getHeader().getJWK();
  }

  String kid() {
    return jws.getHeader().getKeyID();
  }

  /** The payload; null for POST-as-GET (§6.3). */
  JsonObject payload() {
    return payload;
  }

  /** The payload as an object; an empty one for POST-as-GET. */
  JsonObject payloadOrEmpty() {
    return payload == null ? JsonValue.EMPTY_JSON_OBJECT : payload;
  }

  boolean postAsGet() {
    return payload == null;
  }

  /**
   * A verifier for signatures by {@code key}; the key's type must fit the algorithm (RFC 7518 §3.3
   * and §3.4 for RSA and EC, RFC 8037 §3.1 for EdDSA). Verifiers are thread-safe and may be kept
   * for a key that signs again.
   */
  static JWSVerifier verifier(JWK key) {
    try {
      if (key instanceof RSAKey rsa) {
        checkRsa(rsa);
        return new RSASSAVerifier(rsa);
      }
      if (key instanceof ECKey ec) {
        // Bouncy Castle verifies P-256 several times as fast as the JDK's SunEC here, and a
        // key object of its own keeps the point's precomputed multiples for the next verification
        ECDSAVerifier verifier = new ECDSAVerifier(bouncyCastleKey(ec.toECPublicKey()));
        verifier.getJCAContext().setProvider(BouncyCastle.PROVIDER);
        return verifier;
      }
      if (key instanceof OctetKeyPair okp) {
        return EdDsaVerifier.of(okp);
      }
    } catch (JOSEException e) {
      // the library's message names Java classes ("java.security.InvalidKeyException: ..."): say it
      // in ACME's words
      throw new AcmeProblem(
          AcmeError.BAD_PUBLIC_KEY,
          "The account key is not a valid " + key.getKeyType() + " public key");
    }
    throw new AcmeProblem(
        AcmeError.BAD_PUBLIC_KEY, "Account keys are RSA, EC or Ed25519/Ed448 (OKP) keys");
  }

  /**
   * The same rule as for certified RSA keys: 2048–8192 bits (a larger modulus would cost every
   * verification, unauthenticated, before anything is known about the sender) and an odd public
   * exponent of at least 65537 (RFC 8017 §3.1 allows 3, but small exponents serve no client and a
   * key with exponent 1 "verifies" nothing). Read from the JWK's members, before any key object
   * exists.
   */
  private static void checkRsa(RSAKey rsa) {
    int bits = rsa.size();
    if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
      throw new AcmeProblem(
          AcmeError.BAD_PUBLIC_KEY,
          "RSA account keys have " + MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits, not " + bits);
    }
    BigInteger exponent = rsa.getPublicExponent().decodeToBigInteger();
    if (!exponent.testBit(0) || exponent.compareTo(F4) < 0 || exponent.bitLength() > 256) {
      throw new AcmeProblem(
          AcmeError.BAD_PUBLIC_KEY,
          "An RSA account key's public exponent is odd and at least 65537");
    }
  }

  private static ECPublicKey bouncyCastleKey(ECPublicKey key) throws JOSEException {
    try {
      return (ECPublicKey)
          KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
              .generatePublic(new X509EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new JOSEException("Not an EC public key Bouncy Castle accepts", e);
    }
  }

  /** Checks the signature; a JWS that does not verify is malformed (RFC 8555 §6.2). */
  void verify(JWSVerifier verifier) {
    boolean valid;
    try {
      valid = jws.verify(verifier);
    } catch (JOSEException | RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      throw new AcmeProblem(AcmeError.MALFORMED, "The JWS signature does not verify");
    }
  }

  static String string(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonString text)) {
      throw new AcmeProblem(AcmeError.MALFORMED, "'" + name + "' must be a string");
    }
    return text.getString();
  }
}
