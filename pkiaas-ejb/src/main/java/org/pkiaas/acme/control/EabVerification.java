package org.pkiaas.acme.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.util.Objects;
import java.util.Set;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.acme.entity.MacAlgorithm;

/**
 * The external account binding of a newAccount request (RFC 8555 §7.3.4): a JWS, MACed with the
 * binding's key, whose header names the binding ({@code kid}) and the newAccount URL and carries no
 * nonce, and whose payload is the account's public key.
 */
public final class EabVerification {

  private static final Set<JWSAlgorithm> MACS =
      Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);

  private final JWSObject jws;

  private EabVerification(JWSObject jws) {
    this.jws = jws;
  }

  /**
   * Reads the flattened JWS's three parts; the header must be a MAC's with a key id, url and no
   * nonce.
   */
  public static EabVerification parse(String protectedHeader, String payload, String signature) {
    JWSObject jws;
    try {
      jws = JWSObject.parse(protectedHeader + "." + payload + "." + signature);
    } catch (ParseException | RuntimeException e) {
      throw new AcmeProblem(AcmeError.MALFORMED, "The externalAccountBinding is not a JWS");
    }
    if (!MACS.contains(jws.getHeader().getAlgorithm())) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "The externalAccountBinding must use HS256, HS384 or HS512");
    }
    if (jws.getHeader().getKeyID() == null || jws.getHeader().getCustomParam("nonce") != null) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "The externalAccountBinding header needs a kid and no nonce");
    }
    return new EabVerification(jws);
  }

  public String keyId() {
    return jws.getHeader().getKeyID();
  }

  /**
   * Checks the MAC with {@code key} under the binding's own {@code algorithm} (a binding made for
   * HS512 is not satisfied by an HS256 MAC of its key), the URL, and that the payload is {@code
   * accountKey}.
   */
  public void verify(MacAlgorithm algorithm, byte[] key, String url, JWK accountKey) {
    boolean valid;
    try {
      valid = jws.verify(new MACVerifier(key));
    } catch (JOSEException | RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED,
          "The externalAccountBinding's MAC does not verify with the binding's key");
    }
    // only after the MAC: who lacks the key learns nothing about the binding
    if (!jws.getHeader().getAlgorithm().getName().equals(algorithm.name())) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED,
          "The externalAccountBinding must be MACed with "
              + algorithm.name()
              + ", the binding's algorithm");
    }
    if (!Objects.equals(url, jws.getHeader().getCustomParam("url"))) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED, "The externalAccountBinding's url is not the newAccount URL");
    }
    try {
      JWK bound = JWK.parse(jws.getPayload().toString());
      if (!bound.computeThumbprint().equals(accountKey.computeThumbprint())) {
        throw new AcmeProblem(
            AcmeError.UNAUTHORIZED,
            "The externalAccountBinding binds another key than the account's");
      }
    } catch (ParseException | JOSEException e) {
      throw new AcmeProblem(
          AcmeError.MALFORMED, "The externalAccountBinding's payload is not a JWK");
    }
  }
}
