package org.pkiaas.issuance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pkiaas.issuance.boundary.CertificateIssued;
import org.pkiaas.pem.Pem;

class IssuedCertificateMailTest {

  @Test
  void mailsOnlyAfterTheIssuingTransactionCommitted() throws Exception {
    Method observer = IssuedCertificateMail.class.getMethod("onIssued", CertificateIssued.class);
    Observes observes =
        Arrays.stream(observer.getParameterAnnotations()[0])
            .filter(Observes.class::isInstance)
            .map(Observes.class::cast)
            .findFirst()
            .orElseThrow(() -> new AssertionError("onIssued observes no event"));
    assertEquals(
        TransactionPhase.AFTER_SUCCESS,
        observes.during(),
        "a rolled-back issuance must not send a mail");
    assertTrue(Modifier.isPublic(observer.getModifiers()), "a business method of the EJB");
    assertEquals(
        TransactionAttributeType.REQUIRES_NEW,
        IssuedCertificateMail.class.getAnnotation(TransactionAttribute.class).value(),
        "the issuing transaction is over: the mail is queued in one of its own");
  }

  @Test
  void onlyAnAdministratorsSignatureOnAQueuedRequestIsMailed() {
    assertTrue(IssuedCertificateMail.mailed(Channel.ADMIN_CSR, "request-1"));
    assertFalse(IssuedCertificateMail.mailed(Channel.ADMIN_CSR, null), "no request, no requester");
    assertFalse(IssuedCertificateMail.mailed(null, "request-1"), "a channel not told");
    for (Channel other : Channel.values()) {
      if (other != Channel.ADMIN_CSR) {
        assertFalse(IssuedCertificateMail.mailed(other, "request-1"), other::name);
      }
    }
  }

  @Test
  void theMailCarriesTheCertificateAndItsChain() {
    byte[] der = {0x30, 0x03, 0x02, 0x01, 0x01};
    String chain = "-----BEGIN CERTIFICATE-----\nQ0E=\n-----END CERTIFICATE-----\n";
    String body = IssuedCertificateMail.body("CN=dave", der, chain);
    assertTrue(body.contains("request for CN=dave was approved"), body);
    assertTrue(body.endsWith(Pem.certificate(der) + chain), body);
  }
}
