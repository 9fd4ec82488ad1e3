package org.pkiaas.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.jscep.message.CertRep;
import org.jscep.message.PkcsPkiEnvelopeDecoder;
import org.jscep.message.PkcsPkiEnvelopeEncoder;
import org.jscep.message.PkcsReq;
import org.jscep.message.PkiMessage;
import org.jscep.message.PkiMessageDecoder;
import org.jscep.message.PkiMessageEncoder;
import org.jscep.transaction.Nonce;
import org.jscep.transaction.PkiStatus;
import org.jscep.transaction.TransactionId;
import org.jscep.transport.Transport;
import org.jscep.transport.request.PkiOperationRequest;
import org.jscep.transport.response.PkiOperationResponseHandler;

/**
 * One SCEP device of {@link ScepBenchmark}: its RSA 2048 key, the self-signed certificate its
 * requests are signed with, and the PKCSReq it sends with jscep's message encoder and decoder,
 * choosing what jscep's client chooses against this server's GetCACaps (AES, {@code
 * SHA512withRSA}).
 */
record ScepDevice(KeyPair keys, X509Certificate identity, String commonName) {

  /** jscep's choice against this server's GetCACaps: the strongest cipher and digest. */
  static final String CIPHER = "AES";

  static final String SIGNATURE = "SHA512withRSA";

  static ScepDevice of(String commonName, KeyPair keys) throws Exception {
    X500Name name = new X500Name("CN=" + commonName);
    Date now = new Date();
    X509Certificate identity =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v1CertificateBuilder(
                        name,
                        BigInteger.valueOf(now.getTime()),
                        new Date(now.getTime() - 3_600_000L),
                        new Date(now.getTime() + 86_400_000L),
                        name,
                        keys.getPublic())
                    .build(
                        new JcaContentSignerBuilder("SHA256withRSA")
                            .setProvider(BenchApi.BC)
                            .build(keys.getPrivate())));
    return new ScepDevice(keys, identity, commonName);
  }

  PKCS10CertificationRequest csr(String challenge) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(
            new X500Name("CN=" + commonName), keys.getPublic())
        .addAttribute(
            PKCSObjectIdentifiers.pkcs_9_at_challengePassword, new DERPrintableString(challenge))
        .build(
            new JcaContentSignerBuilder("SHA256withRSA")
                .setProvider(BenchApi.BC)
                .build(keys.getPrivate()));
  }

  PkiMessageEncoder encoder(X509Certificate ra) {
    return new PkiMessageEncoder(
        keys.getPrivate(), identity, new PkcsPkiEnvelopeEncoder(ra, CIPHER), SIGNATURE);
  }

  /**
   * One PKCSReq with jscep's message encoder and decoder, as its {@code EnrollmentTransaction}
   * sends it (one POST, no GetCACaps or GetCACert) but with a random transactionID: jscep derives
   * it from the key, and a device's second PKCSReq with the same one is a retransmission (RFC 8894
   * §3.3.1.1), answered from the first.
   */
  void enrol(Transport transport, X509Certificate ra, PKCS10CertificationRequest csr)
      throws Exception {
    CMSSignedData reply =
        transport.sendRequest(
            new PkiOperationRequest(
                encoder(ra)
                    .encode(
                        new PkcsReq(TransactionId.createTransactionId(), Nonce.nextNonce(), csr))),
            new PkiOperationResponseHandler());
    PkiMessage<?> answer =
        new PkiMessageDecoder(ra, new PkcsPkiEnvelopeDecoder(identity, keys.getPrivate()))
            .decode(reply);
    if (!(answer instanceof CertRep certRep) || certRep.getPkiStatus() != PkiStatus.SUCCESS) {
      throw new IllegalStateException(
          "PKCSReq answered "
              + (answer instanceof CertRep certRep
                  ? certRep.getPkiStatus() + " " + certRep.getFailInfo()
                  : answer.getMessageType()));
    }
    if (certRep.getMessageData().getCertificates().getMatches(null).isEmpty()) {
      throw new IllegalStateException("CertRep SUCCESS without the certificate");
    }
  }

  static KeyPair rsa2048() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BenchApi.BC);
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** The RA certificate of a GetCACert answer (CA + RA): the one that can take a key. */
  static X509Certificate registrationAuthority(byte[] caRaCert) throws Exception {
    for (X509CertificateHolder holder :
        new CMSSignedData(caRaCert).getCertificates().getMatches(null)) {
      KeyUsage usage = KeyUsage.fromExtensions(holder.getExtensions());
      if (usage != null && usage.hasUsages(KeyUsage.keyEncipherment)) {
        return new JcaX509CertificateConverter().getCertificate(holder);
      }
    }
    throw new IllegalStateException("GetCACert names no RA certificate");
  }
}
