package org.pkiaas.issuance.control;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pkiaas.ca.control.CaCertificateBuilder;
import org.pkiaas.ca.control.CaCertificateBuilder.CaProfile;
import org.pkiaas.ct.boundary.PrecertificateReady;
import org.pkiaas.issuance.control.CertificateProfile.Issuer;
import org.pkiaas.issuance.control.CertificateProfile.Request;
import org.pkiaas.issuance.control.CertificateProfile.ToBeSigned;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.template.entity.StarterTemplate;
import org.pkiaas.template.entity.TemplateSettings;

/**
 * The round after the logs answered takes the precertificate's TBS back only when it decides on
 * what that TBS was built from, and only once.
 */
class CertificateSigningBuiltTest {

  private static Issuer issuer;
  private static SubjectPublicKeyInfo key;
  private static TemplateSettings settings;

  @BeforeAll
  static void ca() {
    KeySpec caKey = KeySpec.parse("EC", null, "P-256", null);
    KeyPair pair = caKey.generate();
    X509CertificateHolder root =
        CaCertificateBuilder.selfSigned(
            new CaProfile(
                new X500Name("CN=Built Test Root"),
                3650,
                null,
                List.of("keyCertSign", "cRLSign"),
                List.of()),
            CaSigner.software(pair.getPrivate(), pair.getPublic(), "SHA256withECDSA"));
    issuer = new Issuer("ca-1", root, caKey, "SHA256withECDSA", "http://pki.test", null);
    key =
        SubjectPublicKeyInfo.getInstance(
            KeySpec.parse("EC", null, "P-256", null).generate().getPublic().getEncoded());
    settings = StarterTemplate.WEB_SERVER.defaults("web", null);
  }

  @Test
  void theSameTemplateIssuerAndIntakeTakeTheTbsOnce() {
    ToBeSigned tbs = build(intake("CN=a.example"));
    PrecertificateReady.Pending pending = signed(tbs, intake("CN=a.example"));

    CertificateSigning.Built again =
        new CertificateSigning.Built(settings, issuer, intake("CN=a.example"));
    assertSame(tbs, again.takenFrom(pending));
    assertNull(again.takenFrom(pending), "taken once: the taker swaps the poison for SCTs");
  }

  @Test
  void anythingElseBuildsAgain() {
    PrecertificateReady.Pending pending =
        signed(build(intake("CN=a.example")), intake("CN=a.example"));
    TemplateSettings edited = StarterTemplate.WEB_SERVER.defaults("web, edited", null);
    Issuer moved =
        new Issuer("ca-1", issuer.certificate(), null, "SHA256withECDSA", "http://x", null);

    assertNull(
        new CertificateSigning.Built(settings, issuer, intake("CN=b.example")).takenFrom(pending));
    assertNull(
        new CertificateSigning.Built(edited, issuer, intake("CN=a.example")).takenFrom(pending));
    assertNull(
        new CertificateSigning.Built(settings, moved, intake("CN=a.example")).takenFrom(pending));
    assertNull(
        new CertificateSigning.Built(settings, issuer, intake("CN=a.example"))
            .takenFrom(pending(null)),
        "a round that built nothing hands nothing over");
  }

  private static Intake intake(String subject) {
    return new Intake(
        Channel.ADMIN_CSR,
        new Request(key, new X500Name(subject), List.of(), null),
        Evidence.AdminDecision.AS_REQUESTED);
  }

  private static ToBeSigned build(Intake intake) {
    return CertificateProfile.build(
        settings,
        issuer,
        key,
        IntakePolicy.approve(settings, issuer.certificate(), intake),
        BigInteger.TEN,
        Instant.parse("2026-12-04T18:00:00Z"));
  }

  /** What the round that signed the precertificate of {@code tbs} hands over. */
  private static PrecertificateReady.Pending signed(ToBeSigned tbs, Intake intake) {
    CertificateSigning.Built built = new CertificateSigning.Built(settings, issuer, intake);
    built.keep(tbs);
    return pending(built);
  }

  private static PrecertificateReady.Pending pending(Object built) {
    return new PrecertificateReady.Pending(
        null, null, null, List.of(), "ca-1", "t", "r", "API", BigInteger.TEN, null, built);
  }
}
