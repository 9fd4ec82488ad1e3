package org.pkiaas.ct.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.pkiaas.ct.boundary.EmbeddedTimestamps;
import org.pkiaas.template.entity.TemplateSettings.CtLog;

/** The SCTs of a certificate made elsewhere, as its page and the API show them. */
class EmbeddedSctsTest {

  private final X509CertificateHolder certificate = SctCodecTest.certificate("embedded-scts.pem");
  private final X509CertificateHolder issuer = SctCodecTest.certificate("embedded-scts-issuer.pem");
  private final CtLog testLog =
      new CtLog(
          "https://ct.example/test",
          SctCodecTest.text("test-log-key.b64").strip(),
          null,
          null,
          null);

  @Test
  void anSctOfAListedLogIsVerified() {
    List<EmbeddedTimestamps.Embedded> scts =
        EmbeddedScts.check(certificate, issuer, List.of(testLog));

    assertEquals(1, scts.size());
    EmbeddedTimestamps.Embedded sct = scts.get(0);
    assertEquals(SctCodecTest.LOG_ID, sct.logId());
    assertEquals("https://ct.example/test", sct.logUrl());
    assertEquals("2013-04-05T17:04:16.275Z", sct.timestamp().toString());
    assertTrue(sct.verified());
    assertNull(sct.problem());
  }

  @Test
  void onlyACertificateWhoseBytesHoldTheOidMayEmbedScts() throws Exception {
    assertTrue(SctList.mayBeIn(certificate.getEncoded()));
    assertFalse(SctList.mayBeIn(issuer.getEncoded()));
    assertFalse(SctList.mayBeIn(new byte[0]));
  }

  @Test
  void anSctOfAnUnlistedLogIsShownUnverified() {
    EmbeddedTimestamps.Embedded sct = EmbeddedScts.check(certificate, issuer, List.of()).get(0);

    assertNull(sct.logUrl());
    assertFalse(sct.verified());
    assertEquals("no log of the template has this id", sct.problem());
  }

  @Test
  void aWrongIssuerMakesItUnverified() {
    EmbeddedTimestamps.Embedded sct =
        EmbeddedScts.check(certificate, certificate, List.of(testLog)).get(0);

    assertFalse(sct.verified());
    assertEquals("the signature does not verify", sct.problem());
  }

  @Test
  void sctsVerifiedAtIssuanceAreListedWithTheirLogsAsAFreshCheckWouldList() {
    SctList list = SctList.of(certificate.getExtensions());

    assertEquals(
        EmbeddedScts.check(certificate, issuer, List.of(testLog)),
        EmbeddedScts.verifiedAtIssuance(list, List.of(testLog)));
    assertNull(EmbeddedScts.verifiedAtIssuance(list, List.of()), "no listed log: check afresh");
  }

  @Test
  void aCertificateWithoutSctsHasNone() {
    assertEquals(List.of(), EmbeddedScts.check(issuer, issuer, List.of(testLog)));
  }
}
