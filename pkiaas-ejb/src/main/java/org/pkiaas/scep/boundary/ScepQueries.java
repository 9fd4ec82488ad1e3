package org.pkiaas.scep.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CRLHolder;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.crl.boundary.CrlService;
import org.pkiaas.issuance.control.CsrReader;
import org.pkiaas.issuance.entity.CertificateRequest;
import org.pkiaas.scep.boundary.ScepTemplates.ScepTemplate;
import org.pkiaas.scep.control.CertsOnly;
import org.pkiaas.scep.control.FailInfo;
import org.pkiaas.scep.control.MessageData;
import org.pkiaas.scep.control.Outcome;
import org.pkiaas.scep.control.PkiMessage;
import org.pkiaas.scep.control.ScepFailure;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.SerialNumbers;

/**
 * The SCEP requests that issue nothing (RFC 8894 §3.3.3, §3.3.4): CertPoll asks after a pending
 * PKCSReq, GetCert for a certificate the CA issued, GetCRL for the CA's CRL. Each answers the
 * {@link Outcome}, or a {@link ScepFailure}.
 */
@Stateless
public class ScepQueries {

  @PersistenceContext EntityManager em;

  @Inject CrlService crls;

  /**
   * CertPoll (GetCertInitial): the request of this transaction, which must have been signed with
   * the same key. Reads only: no transaction of its own.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Outcome poll(ScepTemplate scep, PkiMessage message, byte[] messageData) {
    MessageData.IssuerAndSubject asked = MessageData.issuerAndSubject(messageData);
    requireThisCa(scep, asked.issuer());
    CertificateRequest request = transaction(scep, message.transactionId());
    if (request == null) {
      throw new ScepFailure(FailInfo.BAD_CERT_ID, "No request has this transactionID");
    }
    return state(request, message);
  }

  /**
   * A PKCSReq sent again for a transaction that exists (clients resend it while PENDING): answered
   * as CertPoll would be ({@link Outcome#resent()}); null when the transaction is new. Reads only,
   * and only ever inside the enrollment's transaction ({@link ScepEnrollments#enroll}).
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Outcome resent(ScepTemplate scep, PkiMessage message) {
    CertificateRequest request = transaction(scep, message.transactionId());
    return request == null ? null : state(request, message).asResent();
  }

  private Outcome state(CertificateRequest request, PkiMessage message) {
    if (!Arrays.equals(
        Der.encoded(CsrReader.fromDer(request.csr()).getSubjectPublicKeyInfo()),
        Der.encoded(message.signer().getSubjectPublicKeyInfo()))) {
      throw new ScepFailure(
          FailInfo.BAD_MESSAGE_CHECK, "CertPoll is signed with the key of the PKCSReq it asks for");
    }
    return switch (request.status()) {
      case PENDING, APPROVED -> Outcome.PENDING;
      case ISSUED ->
          Outcome.success(certificate(em.find(IssuedCertificate.class, request.certificateId())));
      case DECLINED ->
          throw new ScepFailure(
              FailInfo.BAD_REQUEST,
              "The request was declined"
                  + (request.declineReason() == null ? "" : ": " + request.declineReason()));
    };
  }

  /** The newest request of a SCEP transaction under the template, or null. */
  private CertificateRequest transaction(ScepTemplate scep, String transactionId) {
    return em
        .createNamedQuery("CertificateRequest.byScepTransaction", CertificateRequest.class)
        .setParameter("templateId", scep.template().id())
        .setParameter("transactionId", transactionId)
        .setMaxResults(1)
        // a list, not a stream: outside a transaction the persistence context closes after the call
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** GetCert: a certificate of this CA by serial number. */
  public Outcome certificate(ScepTemplate scep, byte[] messageData) {
    MessageData.IssuerAndSerial asked = MessageData.issuerAndSerial(messageData);
    requireThisCa(scep, asked.issuer());
    IssuedCertificate certificate =
        em.createNamedQuery("IssuedCertificate.bySerial", IssuedCertificate.class)
            .setParameter("caId", scep.ca().id())
            .setParameter("serial", SerialNumbers.hex(asked.serialNumber()))
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new ScepFailure(
                        FailInfo.BAD_CERT_ID, "This CA issued no certificate with that serial"));
    return Outcome.success(certificate(certificate));
  }

  /** GetCRL: the CA's complete CRL. */
  public Outcome crl(ScepTemplate scep, byte[] messageData) {
    requireThisCa(scep, MessageData.issuerAndSerial(messageData).issuer());
    try {
      return Outcome.success(
          CertsOnly.crl(new X509CRLHolder(crls.complete(scep.ca().id()).der().toByteArray())));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("The CA's CRL does not decode", e);
    }
  }

  static byte[] certificate(IssuedCertificate certificate) {
    return CertsOnly.certificates(List.of(Der.certificate(certificate.der())));
  }

  private static void requireThisCa(ScepTemplate scep, X500Name issuer) {
    if (!Der.certificate(scep.ca().certificate()).getSubject().equals(issuer)) {
      throw new ScepFailure(FailInfo.BAD_CERT_ID, "The issuer named is not this template's CA");
    }
  }
}
