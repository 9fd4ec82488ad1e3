package org.pkiaas.acme.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.entity.MacAlgorithm;

/** RFC 8555 §7.3.4 external account bindings, MACed as a client would. */
class EabVerificationTest {

  private static final String URL = "https://pki.example/pki/acme/new-account";

  private static EabVerification binding(JWSAlgorithm algorithm, byte[] key, ECKey account)
      throws Exception {
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(algorithm).keyID("kid-1").customParam("url", URL).build(),
            new Payload(account.toPublicJWK().toJSONString()));
    jws.sign(new MACSigner(key));
    String[] parts = jws.serialize().split("\\.");
    return EabVerification.parse(parts[0], parts[1], parts[2]);
  }

  @Test
  void aMacWithTheBindingsAlgorithmVerifies() throws Exception {
    ECKey account = new ECKeyGenerator(Curve.P_256).generate();
    byte[] key = MacAlgorithm.HS512.newKey(new SecureRandom());
    binding(JWSAlgorithm.HS512, key, account).verify(MacAlgorithm.HS512, key, URL, account);
  }

  /**
   * A binding made for HS512 is not satisfied by an HS256 MAC of its key, though the key would
   * verify it.
   */
  @Test
  void aMacWithAnotherAlgorithmIsRefused() throws Exception {
    ECKey account = new ECKeyGenerator(Curve.P_256).generate();
    byte[] key = MacAlgorithm.HS512.newKey(new SecureRandom());
    EabVerification weaker = binding(JWSAlgorithm.HS256, key, account);
    AcmeProblem refused =
        assertThrows(AcmeProblem.class, () -> weaker.verify(MacAlgorithm.HS512, key, URL, account));
    assertEquals(AcmeError.UNAUTHORIZED, refused.error());
    assertTrue(refused.getMessage().contains("HS512"), refused::getMessage);
  }
}
