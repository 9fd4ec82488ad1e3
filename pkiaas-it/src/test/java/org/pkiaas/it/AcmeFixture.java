package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import org.bouncycastle.cert.X509CertificateHolder;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Session;

/**
 * An owner with a CA, a template and an ACME policy, and the EABs and acme4j sessions of the ACME
 * tests. Account keys are made by the JDK's provider, as any ACME client's would be.
 */
final class AcmeFixture {

  static final String DIRECTORY = Api.BASE_URL + "/pki/acme/directory";

  final Api owner = Api.newUser();
  final String caId;
  final X509CertificateHolder caCertificate;
  final String policyId;
  final String templateId;

  /**
   * @param preApproved the policy's pre-approved domains
   */
  AcmeFixture(String caName, String preApproved) {
    JsonObject ca =
        owner
            .post("/api/v1/cas", CertificateAuthoritiesIT.ca(caName).add("keyType", "EC").build())
            .json();
    caId = ca.getString("id");
    caCertificate = Pki.certificate(ca.getString("certificatePem"));
    templateId =
        owner.get("/api/v1/cas/" + caId + "/templates").array().getJsonObject(0).getString("id");
    Api.Reply policy =
        owner.post(
            "/api/v1/cas/" + caId + "/acme-policies",
            Json.createObjectBuilder()
                .add("name", "ACME")
                .add("templateId", templateId)
                .add("preApprovedDomains", preApproved)
                .build());
    assertEquals(201, policy.status(), policy::toString);
    policyId = policy.json().getString("id");
  }

  /** A new EAB: its kid and HMAC key. */
  JsonObject eab(int allowedUses, Instant expiresAt) {
    var request =
        Json.createObjectBuilder()
            .add("name", "eab-" + System.nanoTime())
            .add("allowedUses", allowedUses);
    if (expiresAt != null) {
      request.add("expiresAt", expiresAt.toString());
    }
    Api.Reply reply = owner.post("/api/v1/acme-policies/" + policyId + "/eabs", request.build());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  JsonObject eab() {
    return eab(1, null);
  }

  static Session session() {
    return new Session(DIRECTORY);
  }

  static KeyPair accountKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers a new account with a fresh EAB and returns its login. */
  Login register(KeyPair key) throws Exception {
    JsonObject eab = eab();
    return new org.shredzone.acme4j.AccountBuilder()
        .agreeToTermsOfService()
        .addEmail("ops@example.com")
        .withKeyIdentifier(eab.getString("kid"), eab.getString("hmacKey"))
        .useKeyPair(key)
        .createLogin(session());
  }
}
