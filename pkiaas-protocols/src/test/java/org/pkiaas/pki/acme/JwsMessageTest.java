package org.pkiaas.pki.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.entity.AcmeAccount;

/**
 * RFC 8555 §6.2 request bodies: signatures made by the JDK's providers, checked by {@link
 * JwsMessage}.
 */
class JwsMessageTest {

  private static final String URL = "https://pki.example/pki/acme/new-order";

  /**
   * A flattened JSON JWS (RFC 7515 §7.2.2) of {@code payload}, signed with {@code key}'s private
   * half.
   */
  private static String flattened(JWSAlgorithm algorithm, JWK key, JWSSigner signer, String payload)
      throws Exception {
    JWSHeader header =
        new JWSHeader.Builder(algorithm)
            .jwk(key.toPublicJWK())
            .type(JOSEObjectType.JOSE)
            .customParam("nonce", "n")
            .customParam("url", URL)
            .build();
    JWSObject jws = new JWSObject(header, new Payload(payload));
    jws.sign(signer);
    String[] parts = jws.serialize().split("\\.");
    return "{\"protected\":\""
        + parts[0]
        + "\",\"payload\":\""
        + parts[1]
        + "\",\"signature\":\""
        + parts[2]
        + "\"}";
  }

  private static AcmeError refusal(Runnable action) {
    return assertThrows(AcmeProblem.class, action::run).error();
  }

  @Test
  void ecdsaSignaturesOfEveryCurveVerify() throws Exception {
    for (var pair :
        List.of(
            List.of(Curve.P_256, JWSAlgorithm.ES256),
            List.of(Curve.P_384, JWSAlgorithm.ES384),
            List.of(Curve.P_521, JWSAlgorithm.ES512))) {
      ECKey key = new ECKeyGenerator((Curve) pair.get(0)).generate();
      JwsMessage message =
          JwsMessage.parse(flattened((JWSAlgorithm) pair.get(1), key, new ECDSASigner(key), "{}"));
      message.verify(JwsMessage.verifier(message.jwk()));
      assertEquals(URL, message.url());
    }
  }

  @Test
  void anotherKeysSignatureIsMalformed() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    ECKey other = new ECKeyGenerator(Curve.P_256).generate();
    JwsMessage message =
        JwsMessage.parse(flattened(JWSAlgorithm.ES256, key, new ECDSASigner(other), "{}"));
    assertEquals(
        AcmeError.MALFORMED, refusal(() -> message.verify(JwsMessage.verifier(message.jwk()))));
  }

  @Test
  void rsaKeysNeedAtLeast2048Bits() throws Exception {
    RSAKey strong = new RSAKeyGenerator(2048).generate();
    JwsMessage signed =
        JwsMessage.parse(flattened(JWSAlgorithm.RS256, strong, new RSASSASigner(strong), "{}"));
    signed.verify(JwsMessage.verifier(signed.jwk()));
    RSAKey weak = new RSAKeyGenerator(1024, true).generate();
    assertEquals(AcmeError.BAD_PUBLIC_KEY, refusal(() -> JwsMessage.verifier(weak.toPublicJWK())));
  }

  @Test
  void rsaKeysWithASmallOrEvenExponentOrAHugeModulusAreBadPublicKeys() throws Exception {
    RSAKey strong = new RSAKeyGenerator(2048).generate();
    for (long exponent : new long[] {1, 3, 65536, 65538}) {
      RSAKey weak =
          new RSAKey.Builder(strong.getModulus(), Base64URL.encode(BigInteger.valueOf(exponent)))
              .build();
      AcmeProblem refused = assertThrows(AcmeProblem.class, () -> JwsMessage.verifier(weak));
      assertEquals(AcmeError.BAD_PUBLIC_KEY, refused.error(), "exponent " + exponent);
      assertTrue(refused.getMessage().contains("65537"), refused::getMessage);
    }
    RSAKey huge =
        new RSAKey.Builder(
                Base64URL.encode(BigInteger.ONE.shiftLeft(16383).setBit(0)),
                strong.getPublicExponent())
            .build();
    assertEquals(AcmeError.BAD_PUBLIC_KEY, refusal(() -> JwsMessage.verifier(huge)));
  }

  @Test
  void anAlgorithmOutsideTheListIsABadSignatureAlgorithm() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    String body =
        flattened(JWSAlgorithm.ES256, key, new ECDSASigner(key), "{}")
            .replace("\"protected\":\"", "\"protected\":\"x");
    assertEquals(
        AcmeError.MALFORMED,
        refusal(() -> JwsMessage.parse(body)),
        "a protected header that is no JSON");
    RSAKey rsa = new RSAKeyGenerator(2048).generate();
    assertEquals(
        AcmeError.BAD_SIGNATURE_ALGORITHM,
        refusal(() -> parse(JWSAlgorithm.PS256, rsa, rsa)),
        "PS256 is not in RFC 8555's list");
  }

  private static void parse(JWSAlgorithm algorithm, RSAKey key, RSAKey signing) {
    try {
      JwsMessage.parse(flattened(algorithm, key, new RSASSASigner(signing), "{}"));
    } catch (AcmeProblem e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAccountKeepsItsVerifierUntilItsKeyChanges() throws Exception {
    AccountVerifiers verifiers = new AccountVerifiers();
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    AcmeAccount account =
        new AcmeAccount("policy", "eab", "thumbprint", key.toPublicJWK().toJSONString(), List.of());
    assertSame(verifiers.of(account), verifiers.of(account));
    JwsMessage message =
        JwsMessage.parse(flattened(JWSAlgorithm.ES256, key, new ECDSASigner(key), "{}"));
    message.verify(verifiers.of(account));

    ECKey next = new ECKeyGenerator(Curve.P_256).generate();
    var before = verifiers.of(account);
    account.changeKey("next", next.toPublicJWK().toJSONString());
    assertNotSame(before, verifiers.of(account));
    assertEquals(
        AcmeError.MALFORMED,
        refusal(() -> message.verify(verifiers.of(account))),
        "the old key signs no more");
  }

  /**
   * Issue 13: a payload nested 1,001 deep was a 500; deep nesting anywhere is malformed, before any
   * parser recurses.
   */
  @Test
  void deeplyNestedJsonIsMalformed() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).generate();
    String deep = "{\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
    AcmeProblem payload =
        assertThrows(
            AcmeProblem.class,
            () -> JwsMessage.parse(flattened(JWSAlgorithm.ES256, key, new ECDSASigner(key), deep)));
    assertEquals(AcmeError.MALFORMED, payload.error());
    String body = flattened(JWSAlgorithm.ES256, key, new ECDSASigner(key), "{}");
    String deepBody =
        body.substring(0, body.length() - 1)
            + ",\"x\":"
            + "[".repeat(5000)
            + "]".repeat(5000)
            + "}";
    assertEquals(AcmeError.MALFORMED, refusal(() -> JwsMessage.parse(deepBody)));
  }

  /**
   * Issue 13: "java.security.InvalidKeyException: exponent is smaller than 3" was a problem detail.
   */
  @Test
  void aKeyTheJdkRefusesIsABadPublicKeyInAcmesWords() throws Exception {
    RSAKey strong = new RSAKeyGenerator(2048).generate();
    JWK exponentOne =
        JWK.parse(strong.toPublicJWK().toJSONString().replace("\"e\":\"AQAB\"", "\"e\":\"AQ\""));
    AcmeProblem refused = assertThrows(AcmeProblem.class, () -> JwsMessage.verifier(exponentOne));
    assertEquals(AcmeError.BAD_PUBLIC_KEY, refused.error());
    assertFalse(refused.getMessage().matches("(?s).*(java\\.|Exception).*"), refused.getMessage());
  }

  @Test
  void problemDetailsLoseJavaClassNames() {
    assertEquals(
        "exponent is smaller than 3",
        AcmeProblemMapper.inProtocolWords(
            "java.security.InvalidKeyException: exponent is smaller than 3"));
    assertEquals(
        "The key is wrong: bad length",
        AcmeProblemMapper.inProtocolWords(
            "The key is wrong: com.nimbusds.jose.JOSEException: bad length"));
    assertEquals(
        "The order is pending, not ready",
        AcmeProblemMapper.inProtocolWords("The order is pending, not ready"));
    assertEquals(
        "The request could not be processed",
        AcmeProblemMapper.inProtocolWords("java.lang.NullPointerException"));
  }
}
