package org.pkiaas.issuance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pkiaas.issuance.boundary.RequestSigned;
import org.pkiaas.pem.Pem;

class IssuedCertificateMailTest {

  @Test
  void mailsOnlyAfterTheIssuingTransactionCommitted() throws Exception {
    Method observer = IssuedCertificateMail.class.getMethod("onSigned", RequestSigned.class);
    Observes observes =
        Arrays.stream(observer.getParameterAnnotations()[0])
            .filter(Observes.class::isInstance)
            .map(Observes.class::cast)
            .findFirst()
            .orElseThrow(() -> new AssertionError("onSigned observes no event"));
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
  void theMailCarriesTheCertificateAndItsChain() {
    byte[] der = {0x30, 0x03, 0x02, 0x01, 0x01};
    String chain = "-----BEGIN CERTIFICATE-----\nQ0E=\n-----END CERTIFICATE-----\n";
    String body = IssuedCertificateMail.body("CN=dave", der, chain);
    assertTrue(body.contains("request for CN=dave was approved"), body);
    assertTrue(body.endsWith(Pem.certificate(der) + chain), body);
  }
}
