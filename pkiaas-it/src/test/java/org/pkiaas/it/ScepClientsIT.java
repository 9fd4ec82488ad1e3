package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSSignedData;
import org.jscep.client.Client;
import org.jscep.client.EnrollmentResponse;
import org.jscep.message.PkcsPkiEnvelopeDecoder;
import org.jscep.message.PkcsPkiEnvelopeEncoder;
import org.jscep.message.PkiMessageDecoder;
import org.jscep.message.PkiMessageEncoder;
import org.jscep.transaction.EnrollmentTransaction;
import org.jscep.transaction.Transaction;
import org.jscep.transport.Transport;
import org.jscep.transport.TransportException;
import org.jscep.transport.TransportFactory;
import org.jscep.transport.UrlConnectionTransportFactory;
import org.jscep.transport.request.Request;
import org.jscep.transport.response.Capabilities;
import org.jscep.transport.response.ScepResponseHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three SCEP clients nobody here wrote enroll with a template's static passphrase (RFC 8894, user
 * guide 6): micromdm's scepclient (SHA-1/SHA-256 and DES), strongSwan's pki (AES, SHA-256) and
 * jscep (BER, AES, SHA-512; and AES-256 through its transaction API) against an EC CA through its
 * RSA RA certificate. Every certificate verifies with openssl under the CA and is listed by the
 * API; a wrong passphrase gets nothing.
 */
@RealClient
class ScepClientsIT extends ServerIT {

  private static final String COMMON_NAME = "scepclient.example.test";

  @TempDir Path dir;

  @Test
  void micromdmScepclientEnrollsWithTheStaticPassphrase() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP scepclient Root", "RSA");
    // scepclient keeps its key and CSR in the working directory: one directory per device
    Tools.Run refused =
        ScepFixture.scepclient(
            scep.url(), "wrong-" + scep.passphrase, dir.resolve("refused"), COMMON_NAME);
    assertNotEquals(0, refused.exitCode(), refused.output());
    assertTrue(refused.output().contains("badRequest"), refused.output());
    assertEquals(0, scep.issued().size(), "a wrong passphrase issues nothing");

    Path device = dir.resolve("device");
    Tools.Run enrolled = ScepFixture.scepclient(scep.url(), scep.passphrase, device, COMMON_NAME);
    assertEquals(0, enrolled.exitCode(), () -> enrolled.output() + scep.failures());
    Path certificate = device.resolve("device.pem");
    assertTrue(scep.opensslVerify(dir, certificate).contains(": OK"));
    String text = ScepFixture.x509(dir, certificate, "-subject", "-ext", "subjectAltName");
    assertTrue(text.contains("CN = scepclient.example.test"), text);
    // scepclient cannot ask for names: a TLS server template names the common name's host
    assertTrue(text.contains("DNS:scepclient.example.test"), text);
    String host =
        scep.opensslVerify(
            dir, certificate, "-purpose", "sslserver", "-verify_hostname", COMMON_NAME);
    assertTrue(host.contains(": OK"), host);
    assertEquals(1, scep.issued().size());
  }

  @Test
  void strongSwanPkiEnrollsWithAesAndSha256() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP strongSwan Root", "RSA");
    Tools.ok(
        dir,
        "pki",
        "--scepca",
        "--url",
        scep.url(),
        "--caout",
        "ca-sig.pem",
        "--raout",
        "ra.pem",
        "--outform",
        "pem");
    Tools.ok(dir, "openssl", "genrsa", "-out", "vpn.key", "2048");
    // pki writes the certificate to stdout and its diagnostics to stderr
    Tools.ok(
        dir,
        "sh",
        "-c",
        "exec pki \"$@\" > vpn.pem",
        "pki",
        "--scep",
        "--url",
        scep.url(),
        "--in",
        "vpn.key",
        "--dn",
        "CN=vpn.example.test",
        "--san",
        "vpn.example.test",
        "--password",
        scep.passphrase,
        "--cacert-enc",
        "ra.pem",
        "--cacert-sig",
        "ra.pem",
        "--cacert",
        "ca-sig.pem",
        "--cipher",
        "aes",
        "--digest",
        "sha256",
        "--outform",
        "pem");
    Path certificate = dir.resolve("vpn.pem");
    assertTrue(scep.opensslVerify(dir, certificate).contains(": OK"));
    String text = ScepFixture.x509(dir, certificate, "-ext", "subjectAltName");
    assertTrue(text.contains("DNS:vpn.example.test"), text);
  }

  @Test
  void jscepEnrollsAgainstAnEcCaThroughItsRsaRa() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP jscep EC Root", "EC");
    Client client = JscepDevice.client(scep);
    Capabilities capabilities = client.getCaCapabilities();
    assertTrue(capabilities.isPostSupported());
    assertTrue(capabilities.isRenewalSupported());
    assertEquals("SHA-512", capabilities.getStrongestMessageDigest().getAlgorithm());

    JscepDevice device = JscepDevice.named("jscep.example.test", scep.passphrase);
    EnrollmentResponse response =
        client.enrol(device.identity(), device.keyPair().getPrivate(), device.csr());
    assertTrue(response.isSuccess(), () -> "jscep: " + response.getFailInfo() + scep.failures());
    X509Certificate issued = JscepDevice.certificates(response.getCertStore()).get(0);
    assertEquals(device.keyPair().getPublic(), issued.getPublicKey());
    Path pem = dir.resolve("jscep.pem");
    Files.writeString(pem, Pki.pem(new X509CertificateHolder(issued.getEncoded())));
    assertTrue(scep.opensslVerify(dir, pem).contains(": OK"));
  }

  /**
   * jscep's {@code Client} sends AES-128 for the {@code AES} capability; built directly, its
   * transaction sends AES-256, and the server answers with AES-256, the request's own cipher.
   */
  @Test
  void jscepEnrollsWithAes256AndIsAnsweredWithAes256() throws Exception {
    ScepFixture scep = new ScepFixture("SCEP AES-256 EC Root", "EC");
    X509Certificate ra =
        JscepDevice.certificates(JscepDevice.client(scep).getCaCertificate()).get(0);
    JscepDevice device = JscepDevice.named("aes256.example.test", scep.passphrase);
    Transport post =
        new UrlConnectionTransportFactory()
            .forMethod(TransportFactory.Method.POST, new java.net.URL(scep.url()));
    List<byte[]> replies = new ArrayList<>();
    Transport recording =
        new Transport() {
          @Override
          public <T> T sendRequest(Request request, ScepResponseHandler<T> handler)
              throws TransportException {
            return post.sendRequest(
                request,
                (content, type) -> {
                  replies.add(content);
                  return handler.getResponse(content, type);
                });
          }
        };
    EnrollmentTransaction transaction =
        new EnrollmentTransaction(
            recording,
            new PkiMessageEncoder(
                device.keyPair().getPrivate(),
                device.identity(),
                new PkcsPkiEnvelopeEncoder(ra, "AES_256"),
                "SHA256withRSA"),
            new PkiMessageDecoder(
                ra, new PkcsPkiEnvelopeDecoder(device.identity(), device.keyPair().getPrivate())),
            device.csr());
    assertEquals(
        Transaction.State.CERT_ISSUED,
        transaction.send(),
        () -> "jscep: " + transaction.getFailInfo() + scep.failures());
    CMSEnvelopedData answer =
        new CMSEnvelopedData(
            (byte[]) new CMSSignedData(replies.get(0)).getSignedContent().getContent());
    assertEquals(
        NISTObjectIdentifiers.id_aes256_CBC, answer.getContentEncryptionAlgorithm().getAlgorithm());
    X509Certificate issued = JscepDevice.certificates(transaction.getCertStore()).get(0);
    assertEquals(device.keyPair().getPublic(), issued.getPublicKey());
  }
}
