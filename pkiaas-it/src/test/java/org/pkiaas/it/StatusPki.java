package org.pkiaas.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A CA of one's own with a template, certificates issued through the API, and OCSP requests and
 * responses built and read with Bouncy Castle: the fixtures of the status-service tests.
 */
final class StatusPki {

  final Api owner;
  final String caId;
  final X509CertificateHolder caCertificate;
  final String templateId;

  StatusPki(Api owner, String name) {
    this.owner = owner;
    JsonObject ca =
        owner
            .post(
                "/api/v1/cas",
                Json.createObjectBuilder()
                    .add("name", name)
                    .add("subject", Json.createObjectBuilder().add("commonName", name))
                    .add("keyType", "EC")
                    .build())
            .json();
    this.caId = ca.getString("id");
    this.caCertificate = Pki.certificate(ca.getString("certificatePem"));
    this.templateId =
        owner
            .post(
                "/api/v1/cas/" + caId + "/templates",
                Json.createObjectBuilder()
                    .add("name", "Status")
                    .add("starter", "WEB_SERVER")
                    .build())
            .json()
            .getString("id");
  }

  /** The status fixtures for a CA and template made elsewhere (an ACME fixture's, say). */
  StatusPki(Api owner, String caId, X509CertificateHolder caCertificate, String templateId) {
    this.owner = owner;
    this.caId = caId;
    this.caCertificate = caCertificate;
    this.templateId = templateId;
  }

  /**
   * Issues a certificate for {@code host}; returns its JSON (id, serialNumber, certificatePem …).
   */
  JsonObject issue(String host) {
    Api.Reply submitted = submit(host);
    Api.Reply signed =
        owner.post(
            "/api/v1/requests/" + submitted.json().getString("id") + "/sign",
            Json.createObjectBuilder().build());
    assertEquals(200, signed.status(), signed::toString);
    return owner.get("/api/v1/certificates/" + signed.json().getString("id")).json();
  }

  /** Submits a CSR for {@code host} to the template; the request waits for approval. */
  Api.Reply submit(String host) {
    String csr = Csrs.csr(Csrs.keys("EC"), "CN=" + host, List.of(host));
    Api.Reply submitted =
        owner.post(
            "/api/v1/templates/" + templateId + "/requests",
            Json.createObjectBuilder().add("csr", csr).build());
    assertEquals(201, submitted.status(), submitted::toString);
    return submitted;
  }

  Api.Reply revoke(String certificateId, String reason) {
    return owner.post(
        "/api/v1/certificates/" + certificateId + "/revoke",
        Json.createObjectBuilder().add("reason", reason).build());
  }

  /** The CA's OCSP responder certificates, newest first. */
  List<JsonObject> responderCertificates() {
    return owner.get("/api/v1/cas/" + caId + "/certificates?size=500").array().stream()
        .map(JsonObject.class::cast)
        .filter(c -> "OCSP_RESPONDER".equals(c.getString("purpose")))
        .toList();
  }

  CertificateID id(BigInteger serial) {
    try {
      return new CertificateID(
          new JcaDigestCalculatorProviderBuilder()
              .setProvider(Pki.BC)
              .build()
              .get(CertificateID.HASH_SHA1),
          caCertificate,
          serial);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static BigInteger serial(JsonObject certificate) {
    return new BigInteger(certificate.getString("serialNumber"), 16);
  }

  /** A DER OCSP request for the serials; with a nonce when {@code nonce} is not null. */
  byte[] request(byte[] nonce, BigInteger... serials) {
    try {
      OCSPReqBuilder builder = new OCSPReqBuilder();
      for (BigInteger serial : serials) {
        builder.addRequest(id(serial));
      }
      if (nonce != null) {
        builder.setRequestExtensions(
            new Extensions(
                new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false,
                    new DEROctetString(nonce).getEncoded())));
      }
      return builder.build().getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] nonce(int length) {
    byte[] nonce = new byte[length];
    new SecureRandom().nextBytes(nonce);
    return nonce;
  }

  static OCSPResp response(Api.Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("application/ocsp-response", reply.contentType());
    try {
      return new OCSPResp(reply.bytes());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static BasicOCSPResp basic(Api.Reply reply) {
    OCSPResp response = response(reply);
    assertEquals(OCSPResp.SUCCESSFUL, response.getStatus());
    try {
      return (BasicOCSPResp) response.getResponseObject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Api.Reply ocsp(byte[] request) {
    return Api.anonymous().post("/pki/ocsp/" + caId, "application/ocsp-request", request);
  }
}
