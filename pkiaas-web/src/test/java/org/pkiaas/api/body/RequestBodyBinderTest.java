package org.pkiaas.api.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.pkiaas.api.issuance.PreApprovalRequest;
import org.pkiaas.api.template.TemplateSettingsRequest;
import org.pkiaas.ca.boundary.CaChanges;
import org.pkiaas.ca.boundary.NewCertificateAuthority;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.x509.SanType;

/** The inputs of issue 13, and their neighbours, against the REST request binding. */
class RequestBodyBinderTest {

  static final RequestBodyBinder BINDER =
      new RequestBodyBinder(
          RecordValidation.validatorFor(
              Validation.byDefaultProvider()
                  .configure()
                  .messageInterpolator(new ParameterMessageInterpolator())
                  .buildValidatorFactory()));

  private static <T extends Record> T read(String json, Class<T> type) {
    return BINDER.read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  private static InvalidInputException refused(String json, Class<? extends Record> type) {
    return assertThrows(InvalidInputException.class, () -> read(json, type));
  }

  private static void refusedNaming(String field, String json, Class<? extends Record> type) {
    assertEquals(field, refused(json, type).field(), json);
  }

  @Test
  void readsAWellFormedCa() {
    NewCertificateAuthority ca =
        read(
            """
                {"subject": {"commonName": "Root", "country": "DE"}, "keyType": "EC", "curve": "P-384",
                 "validityDays": 365, "pathLength": 1, "keyUsage": ["keyCertSign", "cRLSign"], "csrOnly": false}""",
            NewCertificateAuthority.class);
    assertEquals("Root", ca.subject().commonName());
    assertEquals("EC", ca.keyType());
    assertEquals(365, ca.validityDays());
    assertEquals(List.of("keyCertSign", "cRLSign"), ca.keyUsage());
    assertEquals(Boolean.FALSE, ca.csrOnly());
    assertNull(ca.keySize(), "absent stays absent");
  }

  @Test
  void emptyBodiesAndJsonNullAreNoBody() {
    assertNull(read("", CaChanges.class));
    assertNull(read("  \n", CaChanges.class));
    assertNull(read("null", CaChanges.class));
  }

  @Test
  void keyTypesAreExactlyTheDocumentedOnes() {
    refusedNaming(
        "keyType",
        "{\"subject\": {\"commonName\": \"a\"}, \"keyType\": \"RSA\\u0000\"}",
        NewCertificateAuthority.class);
    refusedNaming(
        "keyType",
        "{\"subject\": {\"commonName\": \"a\"}, \"keyType\": \"\"}",
        NewCertificateAuthority.class);
    refusedNaming(
        "keyType",
        "{\"subject\": {\"commonName\": \"a\"}, \"keyType\": \"DSA\"}",
        NewCertificateAuthority.class);
    refusedNaming(
        "keyType",
        "{\"subject\": {\"commonName\": \"a\"}, \"keyType\": null}",
        NewCertificateAuthority.class);
    refusedNaming(
        "curve",
        "{\"subject\": {\"commonName\": \"a\"}, \"keyType\": \"EC\", \"curve\": \"\"}",
        NewCertificateAuthority.class);
    refusedNaming("serviceKeyType", "{\"serviceKeyType\": \"\"}", CaChanges.class);
  }

  @Test
  void numbersAreWholeJsonNumbers() {
    refusedNaming("keySize", "{\"keySize\": \"2048\"}", NewCertificateAuthority.class);
    refusedNaming("keySize", "{\"keySize\": 2048.5}", NewCertificateAuthority.class);
    refusedNaming("keySize", "{\"keySize\": 2048.0}", NewCertificateAuthority.class);
    refusedNaming("keySize", "{\"keySize\": true}", NewCertificateAuthority.class);
    refusedNaming(
        "keySize", "{\"keySize\": 99999999999999999999999}", NewCertificateAuthority.class);
    refusedNaming("keySize", "{\"keySize\": 1e999999999}", NewCertificateAuthority.class);
    assertEquals(2048, read("{\"keySize\": 2048}", NewCertificateAuthority.class).keySize());
  }

  @Test
  void textIsAJsonStringWithoutControlOrBidiCharacters() {
    refusedNaming(
        "subject.commonName", "{\"subject\": {\"commonName\": 5}}", NewCertificateAuthority.class);
    refusedNaming(
        "subject.commonName",
        "{\"subject\": {\"commonName\": \"a\\u0000b\\u202e\"}}",
        NewCertificateAuthority.class);
    refusedNaming(
        "subject.commonName",
        "{\"subject\": {\"commonName\": \"a\\u202eb\"}}",
        NewCertificateAuthority.class);
    refusedNaming(
        "subject.commonName",
        "{\"subject\": {\"commonName\": \"a\\ud800b\"}}",
        NewCertificateAuthority.class);
    refusedNaming(
        "subject.commonName",
        "{\"subject\": {\"commonName\": \"" + "x".repeat(65) + "\"}}",
        NewCertificateAuthority.class);
    refusedNaming("subject", "{\"subject\": \"CN=x\"}", NewCertificateAuthority.class);
    assertEquals(
        "Grüße 🙂",
        read("{\"subject\": {\"commonName\": \"Grüße 🙂\"}}", NewCertificateAuthority.class)
            .subject()
            .commonName());
    assertEquals(
        "line one\nline two",
        read("{\"cpsText\": \"line one\\nline two\"}", CaChanges.class).cpsText());
  }

  @Test
  void unknownMembersAreRefusedByTheirPath() {
    refusedNaming("keytype", "{\"keytype\": \"RSA\"}", NewCertificateAuthority.class);
    refusedNaming("subject.cn", "{\"subject\": {\"cn\": \"x\"}}", NewCertificateAuthority.class);
    assertTrue(
        refused("{\"keytype\": \"RSA\"}", NewCertificateAuthority.class)
            .getMessage()
            .contains("the fields are [name, subject, keyType, keySize, curve, parameterSet,"));
  }

  @Test
  void fieldLimitsHold() {
    refusedNaming(
        "cpsUrl",
        "{\"cpsUrl\": \"https://example.com/" + "a".repeat(100 * 1024) + "\"}",
        CaChanges.class);
    refusedNaming(
        "cpsText", "{\"cpsText\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}", CaChanges.class);
    refusedNaming("crlValidityDays", "{\"crlValidityDays\": 0}", CaChanges.class);
    StringBuilder names = new StringBuilder("[");
    for (int i = 0; i < 182; i++) {
      names
          .append(i == 0 ? "" : ",")
          .append("\"DNS:host-")
          .append(i)
          .append(".a-rather-long-domain.example\"");
    }
    refusedNaming(
        "subjectAltNames", "{\"subjectAltNames\": " + names + "]}", PreApprovalRequest.class);
    refusedNaming(
        "subjectAltNames[1]",
        "{\"subjectAltNames\": [\"DNS:a.example\", \"DNS:b\\u0000.example\"]}",
        PreApprovalRequest.class);
    refusedNaming("subjectAltNames[0]", "{\"subjectAltNames\": [null]}", PreApprovalRequest.class);
    refusedNaming(
        "subjectAltNames", "{\"subjectAltNames\": \"DNS:a.example\"}", PreApprovalRequest.class);
  }

  @Test
  void enumsAndSectionsOfTemplates() {
    TemplateSettingsRequest settings =
        read(
            "{\"requests\": {\"allowedKeyTypes\": [\"EC\"], \"minimumRsaBits\": 3072,"
                + " \"allowedSanTypes\": [\"DNS\", \"EMAIL\"]}}",
            TemplateSettingsRequest.class);
    assertEquals(List.of(SanType.DNS, SanType.EMAIL), settings.requests().allowedSanTypes());
    assertNull(settings.general(), "an absent section stays absent");
    assertEquals(false, settings.requests().allowCsrExtensions(), "an absent switch is off");
    refusedNaming(
        "requests.allowedSanTypes[0]",
        "{\"requests\": {\"allowedSanTypes\": [\"dns\"]}}",
        TemplateSettingsRequest.class);
    refusedNaming(
        "requests.allowedSanTypes[0]",
        "{\"requests\": {\"allowedSanTypes\": [\"\"]}}",
        TemplateSettingsRequest.class);
    refusedNaming(
        "requests.allowedKeyTypes[0]",
        "{\"requests\": {\"allowedKeyTypes\": [\"RSA \"]}}",
        TemplateSettingsRequest.class);
    refusedNaming(
        "general.enabled", "{\"general\": {\"enabled\": \"true\"}}", TemplateSettingsRequest.class);
    refusedNaming(
        "general.validityDays",
        "{\"general\": {\"validityDays\": null}}",
        TemplateSettingsRequest.class);
    refusedNaming(
        "subject.organization",
        "{\"subject\": {\"organization\": \"Evil\\u202eCorp\"}}",
        TemplateSettingsRequest.class);
  }

  @Test
  void bodiesThatAreNotAJsonObjectAreMalformed() {
    for (String body :
        List.of(
            "[]",
            "\"x\"",
            "5",
            "{",
            "{\"a\":1,}",
            "{\"keyType\": \"RSA\", \"keyType\": \"EC\"}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":" + "[".repeat(5000))) {
      assertInstanceOf(
          MalformedBodyException.class, refused(body, NewCertificateAuthority.class), body);
    }
    byte[] latin1 = "{\"cpsText\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertThrows(MalformedBodyException.class, () -> BINDER.read(latin1, CaChanges.class));
  }

  /** Every body a resource of the API takes is a record the binding can read in full. */
  @Test
  void everyRequestBodyOfTheApiIsABindableRecord() {
    List<Class<?>> resources =
        List.of(
            org.pkiaas.api.ca.CertificateAuthoritiesResource.class,
            org.pkiaas.api.ca.CaSuccessorResource.class,
            org.pkiaas.api.template.TemplatesResource.class,
            org.pkiaas.api.account.AccountsResource.class,
            org.pkiaas.api.account.SettingsResource.class,
            org.pkiaas.api.account.TokensResource.class,
            org.pkiaas.api.issuance.RequestsResource.class,
            org.pkiaas.api.issuance.ClaimsResource.class,
            org.pkiaas.api.issuance.PublicRequestsResource.class,
            org.pkiaas.api.issuance.RenewalsResource.class,
            org.pkiaas.api.acme.AcmePoliciesResource.class,
            org.pkiaas.api.certificate.CertificatesResource.class,
            org.pkiaas.api.jobs.JobsResource.class,
            org.pkiaas.api.audit.AuditResource.class);
    int bodies = 0;
    for (Class<?> resource : resources) {
      for (java.lang.reflect.Method method : resource.getDeclaredMethods()) {
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        for (java.lang.reflect.Parameter parameter : parameters) {
          if (parameter.getAnnotations().length == 0
              && java.lang.reflect.Modifier.isPublic(method.getModifiers())) {
            bodies++;
            assertTrue(
                parameter.getType().isRecord(), () -> method + " takes a body that is no record");
            assertTrue(
                RequestBodyBinder.bindable(parameter.getType()),
                () -> method + " takes an unbindable body");
          }
        }
      }
    }
    assertTrue(bodies >= 20, "found " + bodies + " request bodies");
  }
}
