package org.pkiaas.api.issuance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.pkiaas.ca.boundary.CaSubject;
import org.pkiaas.issuance.boundary.PreApprovals;
import org.pkiaas.issuance.boundary.PublicRequests;
import org.pkiaas.issuance.boundary.SignOverrides;

/**
 * The API's request bodies are records of their own, mapped whole onto the boundaries' records, and
 * keep the schema names clients were generated with.
 */
class RequestRecordsTest {

  @Test
  void signOverridesMapWholeAndNoneWithoutABody() {
    assertSame(SignOverrides.NONE, SignOverridesRequest.toDomain(null));
    assertEquals(
        new SignOverrides("CN=x", List.of("DNS:x.example"), 10),
        SignOverridesRequest.toDomain(
            new SignOverridesRequest("CN=x", List.of("DNS:x.example"), 10)));
  }

  @Test
  void preApprovalsAndPublicRequestsMapWhole() {
    assertEquals(
        new PreApprovals.PreApproval("CN=a", List.of("EMAIL:a@x.test"), 5, "a@x.test", "csr", true),
        new PreApprovalRequest("CN=a", List.of("EMAIL:a@x.test"), 5, "a@x.test", "csr", true)
            .toDomain());
    CaSubject subject = new CaSubject("b", null, null, null, null, null);
    assertEquals(
        new PublicRequests.PublicRequest("b@x.test", null, subject, List.of("DNS:b.x.test")),
        new PublicRequestSubmission("b@x.test", null, subject, List.of("DNS:b.x.test")).toDomain());
  }

  @Test
  void keepTheSchemaNamesOfTheBoundaryRecords() {
    assertEquals("SignOverrides", SignOverridesRequest.class.getAnnotation(Schema.class).name());
    assertEquals("PreApproval", PreApprovalRequest.class.getAnnotation(Schema.class).name());
    assertEquals("PublicRequest", PublicRequestSubmission.class.getAnnotation(Schema.class).name());
  }
}
