package org.pkiaas.ca.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pkiaas.ca.control.CaCertificateBuilder.CaProfile;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.KeyBackend;
import org.pkiaas.ca.entity.Timestamping;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.KeyAlgorithm;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.x509.Der;

class CaSuccessionTest {

  private static final List<String> USAGE = List.of("keyCertSign", "cRLSign", "digitalSignature");
  private static final KeySpec RSA = KeySpec.parse("RSA", 2048, null, null);
  private static KeyPair rsaPair;

  @BeforeAll
  static void generateKeys() {
    rsaPair = RSA.generate();
  }

  @Test
  void aRootsSuccessorKeepsItsKeyTypeSubjectAndValidityAndIsSelfSigned() throws Exception {
    CertificateAuthority root = root(KeyBackend.MANAGED);

    CaSuccession succession = CaSuccession.of(root, CaSuccession.Choices.SAME);

    assertTrue(succession.root());
    assertEquals(RSA, succession.keySpec());
    assertEquals("SHA384withRSA", succession.signatureAlgorithm());
    X509CertificateHolder predecessor = Der.certificate(root.certificate());
    assertArrayEquals(
        predecessor.getSubject().getEncoded(), succession.profile().subject().getEncoded());
    assertEquals(root.validityDays(), succession.profile().validityDays());
    assertEquals(1, succession.profile().pathLength());
    assertEquals(USAGE, succession.profile().keyUsage());
  }

  @Test
  void theOwnerMayChooseAnotherKeyAndValidity() {
    CaSuccession succession =
        CaSuccession.of(
            root(KeyBackend.MANAGED),
            new CaSuccession.Choices("EC", null, "P-384", null, null, 730));

    assertEquals(KeyAlgorithm.EC, succession.keySpec().algorithm());
    assertEquals("P-384", succession.keySpec().parameter());
    assertEquals(
        succession.keySpec().signatureAlgorithm("x", null), succession.signatureAlgorithm());
    assertEquals(730, succession.profile().validityDays());
    assertThrows(
        InvalidInputException.class,
        () ->
            CaSuccession.of(
                root(KeyBackend.MANAGED),
                new CaSuccession.Choices(null, null, null, null, null, 0)));
  }

  @Test
  void anIntermediatesSuccessorAsksTheCaAboveForItsCertificate() throws Exception {
    KeyPair issuerKey = RSA.generate();
    X500Name subject = new X500Name("CN=Example Issuing CA,O=Example");
    CertificateAuthority intermediate = entity(KeyBackend.MANAGED, subject);
    X509CertificateHolder certificate =
        new X509v3CertificateBuilder(
                new X500Name("CN=Example Root"),
                BigInteger.TEN,
                new Date(System.currentTimeMillis() - 60_000),
                new Date(System.currentTimeMillis() + 86_400_000L),
                subject,
                SubjectPublicKeyInfo.getInstance(rsaPair.getPublic().getEncoded()))
            .build(
                CaSigner.software(issuerKey.getPrivate(), issuerKey.getPublic(), "SHA256withRSA")
                    .contentSigner());
    activate(intermediate, certificate, Pem.certificate(Der.encoded(certificate)));

    assertFalse(CaSuccession.of(intermediate, CaSuccession.Choices.SAME).root());
  }

  @Test
  void onlyAnActiveCaWithAKeyHeldHereRollsOver() {
    CertificateAuthority retired = root(KeyBackend.MANAGED);
    retired.retire();
    assertThrows(
        ConflictException.class, () -> CaSuccession.of(retired, CaSuccession.Choices.SAME));
    assertThrows(
        ConflictException.class,
        () -> CaSuccession.of(root(KeyBackend.HSM), CaSuccession.Choices.SAME));
  }

  @Test
  void theSuccessorCopiesTheSettingsAndWaitsToBeActivated() {
    CertificateAuthority root = root(KeyBackend.IMPORTED);
    root.changeCps("Our CPS", "https://cps.example/");
    root.changeCrlValidity(3);
    root.changeTimestamping(new Timestamping(false, "1.2.3.4", List.of("1.2.3.5")));
    KeyPair next = KeySpec.parse("EC", null, "P-256", null).generate();

    CertificateAuthority successor =
        CertificateAuthority.successorOf(
            root,
            KeySpec.of(next.getPublic()),
            "SHA256withECDSA",
            400,
            next.getPublic().getEncoded());

    assertEquals(root.id(), successor.predecessorId());
    assertEquals(root.ownerId(), successor.ownerId());
    assertEquals(root.name(), successor.name());
    assertEquals(KeyBackend.MANAGED, successor.keyBackend(), "a new key made here");
    assertEquals(CaStatus.AWAITING_CERTIFICATE, successor.status());
    assertEquals("https://cps.example/", successor.cpsUrl());
    assertEquals(3, successor.crlValidityDays());
    assertFalse(successor.timestamping().enabled());
    assertEquals(List.of("1.2.3.5"), successor.timestamping().acceptedPolicies());
    assertThrows(ConflictException.class, successor::takeOver, "no certificate yet");

    X509CertificateHolder certificate =
        CaCertificateBuilder.selfSigned(
            new CaProfile(new X500Name(root.subjectDn()), 400, 1, USAGE, List.of()),
            CaSigner.software(next.getPrivate(), next.getPublic(), "SHA256withECDSA"));
    activate(successor, certificate, null);
    assertEquals(CaStatus.NEXT, successor.status());
    ConflictException refused = assertThrows(ConflictException.class, successor::requireIssuing);
    assertTrue(refused.getMessage().contains("successor"), refused::getMessage);

    successor.takeOver();
    assertEquals(CaStatus.ACTIVE, successor.status());
    successor.requireIssuing();
    assertThrows(ConflictException.class, successor::takeOver, "only once");
    assertNull(root.predecessorId());
  }

  private static CertificateAuthority root(KeyBackend backend) {
    X500Name subject = new X500Name("CN=Example Root CA,O=Example");
    CertificateAuthority ca = entity(backend, subject);
    activate(
        ca,
        CaCertificateBuilder.selfSigned(
            new CaProfile(subject, 3650, 1, USAGE, List.of()),
            CaSigner.software(rsaPair.getPrivate(), rsaPair.getPublic(), "SHA384withRSA")),
        null);
    return ca;
  }

  private static CertificateAuthority entity(KeyBackend backend, X500Name subject) {
    return new CertificateAuthority(
        "owner",
        "Example CA",
        subject.toString(),
        backend,
        RSA,
        "SHA384withRSA",
        3650,
        1,
        USAGE,
        List.of(),
        rsaPair.getPublic().getEncoded());
  }

  private static void activate(
      CertificateAuthority ca, X509CertificateHolder certificate, String chainPem) {
    ca.activate(
        certificate.getSubject().toString(),
        Der.encoded(certificate),
        chainPem,
        certificate.getSerialNumber().toString(16),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant());
  }
}
