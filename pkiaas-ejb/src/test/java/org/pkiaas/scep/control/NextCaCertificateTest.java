package org.pkiaas.scep.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.pkiaas.signing.BouncyCastle;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.KeySpec;

/**
 * GetNextCACert's answer (RFC 8894 §4.7.1): signed by the current RA, which the client knows from
 * GetCACert; the new CA and RA certificates as a certificates-only content and in the certificate
 * set.
 */
class NextCaCertificateTest {

  @Test
  void theSuccessorsCertificatesAreSignedByTheCurrentRa() throws Exception {
    X509CertificateHolder nextCa =
        selfSigned("CN=Fixture CA", KeySpec.parse("EC", null, "P-256", null));
    X509CertificateHolder nextRa =
        selfSigned("CN=Fixture CA SCEP RA", KeySpec.parse("RSA", 2048, null, null));
    X509CertificateHolder currentRa = ScepFixtures.ca();

    byte[] answer =
        NextCaCertificate.signed(
            List.of(nextCa, nextRa), currentRa, ScepFixtures.key("fixture-ca.key"));

    CMSSignedData signed = new CMSSignedData(answer);
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    assertTrue(signer.getSID().match(currentRa), "signed by the RA the client already trusts");
    assertTrue(
        signer.verify(
            new JcaSimpleSignerInfoVerifierBuilder()
                .setProvider(BouncyCastle.PROVIDER)
                .build(currentRa)));
    assertEquals(
        List.of(nextCa, nextRa).stream().collect(java.util.stream.Collectors.toSet()),
        new java.util.HashSet<>(signed.getCertificates().getMatches(null)),
        "only the new certificates, not the signer's");
    assertEquals(CMSObjectIdentifiers.data.getId(), signed.getSignedContentTypeOID());
    CMSSignedData certsOnly = new CMSSignedData((byte[]) signed.getSignedContent().getContent());
    assertTrue(certsOnly.getSignerInfos().getSigners().isEmpty(), "degenerate (§3.4)");
    assertEquals(2, certsOnly.getCertificates().getMatches(null).size());
    assertTrue(certsOnly.getCertificates().getMatches(null).contains(nextCa));
  }

  private static X509CertificateHolder selfSigned(String name, KeySpec spec) {
    KeyPair keyPair = spec.generate();
    X500Name subject = new X500Name(name);
    return new X509v3CertificateBuilder(
            subject,
            BigInteger.ONE,
            new Date(System.currentTimeMillis() - 60_000),
            new Date(System.currentTimeMillis() + 86_400_000L),
            subject,
            SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded()))
        .build(
            CaSigner.software(
                    keyPair.getPrivate(), keyPair.getPublic(), spec.signatureAlgorithm("x", null))
                .contentSigner());
  }
}
