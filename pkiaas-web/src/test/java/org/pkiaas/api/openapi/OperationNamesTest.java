package org.pkiaas.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OperationNamesTest {

  @Test
  void aResourceMethodBecomesAVerbAndItsSubject() {
    assertEquals("listTemplates", OperationNames.operationId("list", "Templates"));
    assertEquals(
        "createCertificateAuthorities",
        OperationNames.operationId("create", "CertificateAuthorities"));
  }

  @Test
  void theTagIsTheSubjectInWords() {
    assertEquals("Certificate Authorities", OperationNames.tag("CertificateAuthorities"));
    assertEquals("Templates", OperationNames.tag("Templates"));
    assertEquals("Acme Policies", OperationNames.tag("AcmePolicies"));
  }
}
