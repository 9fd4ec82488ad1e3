package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pkiaas.it.Problems.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Two owners: neither can see, change or delete the other's CAs, and "not found" leaks nothing. */
class TenancyIT extends ServerIT {

  @Test
  void ownersSeeOnlyTheirOwnCas() {
    Api alice = Api.newUser();
    Api bob = Api.newUser();
    JsonObject aliceCa =
        alice
            .post(
                "/api/v1/cas",
                CertificateAuthoritiesIT.ca("Alice Root").add("keyType", "EC").build())
            .json();
    JsonObject aliceCsrCa =
        alice
            .post(
                "/api/v1/cas",
                CertificateAuthoritiesIT.ca("Alice Sub")
                    .add("keyType", "EC")
                    .add("csrOnly", true)
                    .build())
            .json();
    JsonObject bobCa =
        bob.post(
                "/api/v1/cas", CertificateAuthoritiesIT.ca("Bob Root").add("keyType", "EC").build())
            .json();
    String a = aliceCa.getString("id");
    String sub = aliceCsrCa.getString("id");

    assertEquals(2, alice.get("/api/v1/cas").array().size());
    assertEquals(1, bob.get("/api/v1/cas").array().size());
    assertEquals(
        bobCa.getString("id"), bob.get("/api/v1/cas").array().getJsonObject(0).getString("id"));
    assertTrue(
        admin.get("/api/v1/cas").array().stream()
            .noneMatch(ca -> ca.asJsonObject().getString("id").equals(a)),
        "administrators do not see users' CAs either");

    String unknown = "00000000-0000-0000-0000-000000000000";
    for (String id : new String[] {a, unknown}) {
      JsonObject missing = assertProblem(bob.get("/api/v1/cas/" + id), 404);
      assertEquals(
          "Certificate authority " + id + " was not found",
          missing.getString("detail"),
          "another owner's CA answers exactly as a CA that does not exist");
      assertProblem(
          bob.patch(
              "/api/v1/cas/" + id, Json.createObjectBuilder().add("cpsText", "mine now").build()),
          404);
      assertProblem(bob.delete("/api/v1/cas/" + id), 404);
      assertProblem(bob.get("/api/v1/cas/" + id + "/certificates"), 404);
      assertProblem(bob.get("/api/v1/cas/" + id + "/templates"), 404);
    }
    assertProblem(bob.get("/api/v1/cas/" + unknown + "/urls"), 404);
    assertEquals(
        alice.get("/api/v1/cas/" + a + "/urls").json(),
        bob.get("/api/v1/cas/" + a + "/urls").json(),
        "a CA's service URLs are public, as the certificates that carry them are");
    assertProblem(bob.get("/api/v1/cas/" + sub + "/csr"), 404);
    assertProblem(
        bob.post(
            "/api/v1/cas/" + sub + "/certificate",
            Json.createObjectBuilder()
                .add("certificatePem", aliceCa.getString("certificatePem"))
                .build()),
        404);
    assertProblem(admin.delete("/api/v1/cas/" + a), 404);

    JsonObject untouched = alice.get("/api/v1/cas/" + a).json();
    assertEquals("ACTIVE", untouched.getString("status"));
    assertTrue(!untouched.containsKey("cpsText"), "bob's PATCH changed nothing");
    assertEquals(
        "AWAITING_CERTIFICATE", alice.get("/api/v1/cas/" + sub).json().getString("status"));
  }
}
