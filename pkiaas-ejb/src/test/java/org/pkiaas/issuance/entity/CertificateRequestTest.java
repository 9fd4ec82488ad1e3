package org.pkiaas.issuance.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pkiaas.problem.ConflictException;

class CertificateRequestTest {

  private static CertificateRequest approved() {
    CertificateRequest request =
        new CertificateRequest(
            "ca",
            "template",
            RequestKind.PRE_APPROVED,
            null,
            "CN=a",
            java.util.List.of(),
            null,
            "admin");
    request.approve("CN=a", java.util.List.of(), 30);
    return request;
  }

  @Test
  void claimLinkExpiresAtItsDeadline() {
    CertificateRequest request = approved();
    Instant deadline = Instant.parse("2030-01-01T00:00:00Z");
    request.offerClaim("hash", deadline);
    assertFalse(request.claimExpiredAt(deadline.minusSeconds(1)));
    assertTrue(request.claimExpiredAt(deadline));
    assertTrue(request.claimExpiredAt(deadline.plusSeconds(1)));
  }

  @Test
  void aRequestWithoutALinkCannotBeClaimed() {
    assertTrue(approved().claimExpiredAt(Instant.now()));
  }

  @Test
  void claimingIssuesOnceAndOnlyFromApproved() {
    CertificateRequest request = approved();
    request.offerClaim("hash", Instant.now().plusSeconds(60));
    Instant at = Instant.now();
    request.claimed("certificate", at);
    assertEquals(RequestStatus.ISSUED, request.status());
    assertEquals(at, request.claimedAt());
    assertThrows(ConflictException.class, () -> request.claimed("again", Instant.now()));
    assertThrows(
        ConflictException.class, () -> request.offerClaim("other", Instant.now().plusSeconds(60)));
    assertThrows(ConflictException.class, () -> request.decline("late"));
  }

  @Test
  void pendingRequestsCannotOfferAClaim() {
    CertificateRequest pending =
        new CertificateRequest(
            "ca",
            "t",
            RequestKind.PUBLIC,
            null,
            "CN=b",
            java.util.List.of(),
            "b@example.test",
            "public");
    assertThrows(
        ConflictException.class, () -> pending.offerClaim("hash", Instant.now().plusSeconds(60)));
    pending.decline("no");
    assertEquals(RequestStatus.DECLINED, pending.status());
    assertThrows(ConflictException.class, () -> pending.approve("CN=b", java.util.List.of(), null));
  }

  @Test
  void approvingKeepsWhatWasAskedFor() {
    CertificateRequest request =
        new CertificateRequest(
            "ca",
            "t",
            RequestKind.PUBLIC,
            null,
            "CN=asked",
            java.util.List.of("DNS:asked.example", "URI:https://asked.example/a,b"),
            "a@example.test",
            "public");
    request.approve("CN=approved", java.util.List.of("DNS:approved.example"), 30);
    assertEquals("CN=asked", request.subjectDn());
    assertEquals(
        java.util.List.of("DNS:asked.example", "URI:https://asked.example/a,b"),
        request.subjectAltNames());
    assertEquals("CN=approved", request.approvedSubjectDn());
    assertEquals(java.util.List.of("DNS:approved.example"), request.approvedSubjectAltNames());
  }
}
