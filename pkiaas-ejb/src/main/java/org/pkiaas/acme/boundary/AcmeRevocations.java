package org.pkiaas.acme.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.acme.entity.AcmeAccount;
import org.pkiaas.acme.entity.AcmeOrder;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.certificate.entity.RevocationReason;
import org.pkiaas.identity.Caller;
import org.pkiaas.identity.Role;
import org.pkiaas.revocation.boundary.RevocationService;
import org.pkiaas.x509.SerialNumbers;

/**
 * revokeCert (RFC 8555 §7.6) for certificates issued through ACME: by the account that ordered the
 * certificate, or by whoever holds the certificate's private key. Revocation itself is the ordinary
 * {@link RevocationService}, on behalf of the CA's owner.
 */
@Stateless
public class AcmeRevocations {

  /**
   * The reasons a subscriber may give, as the Baseline Requirements (§4.9.1.1, §7.2.2) allow them:
   * the CA's own reasons (cACompromise, privilegeWithdrawn, aACompromise) and certificateHold are
   * not the subscriber's to claim.
   */
  static final Set<RevocationReason> SUBSCRIBER_REASONS =
      EnumSet.of(
          RevocationReason.UNSPECIFIED,
          RevocationReason.KEY_COMPROMISE,
          RevocationReason.AFFILIATION_CHANGED,
          RevocationReason.SUPERSEDED,
          RevocationReason.CESSATION_OF_OPERATION);

  @PersistenceContext EntityManager em;

  @Inject AcmeAccounts accounts;

  @Inject RevocationService revocation;

  /** Revokes as the account {@code accountId}, which must have ordered the certificate. */
  public void byAccount(String accountId, byte[] certificateDer, Integer reason) {
    AcmeAccount account = accounts.active(accountId);
    IssuedCertificate certificate = certificate(certificateDer);
    AcmeOrder order = order(certificate);
    if (!order.accountId().equals(account.id())) {
      throw new AcmeProblem(AcmeError.UNAUTHORIZED, "This account did not order the certificate");
    }
    revoke(certificate, reason, "acme:" + account.id());
  }

  /**
   * Revokes with the certificate's own key: {@code signerKey} is the JWS key as
   * SubjectPublicKeyInfo DER.
   */
  public void byCertificateKey(byte[] signerKey, byte[] certificateDer, Integer reason) {
    IssuedCertificate certificate = certificate(certificateDer);
    order(certificate);
    byte[] certificateKey;
    try {
      certificateKey =
          new X509CertificateHolder(certificate.der()).getSubjectPublicKeyInfo().getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (!Arrays.equals(certificateKey, signerKey)) {
      throw new AcmeProblem(
          AcmeError.UNAUTHORIZED,
          "The request is signed neither by an account nor by the certificate's key");
    }
    revoke(certificate, reason, "acme:certificate-key");
  }

  private void revoke(IssuedCertificate certificate, Integer reason, String actor) {
    RevocationReason parsed = reason(reason);
    if (certificate.status() == CertificateStatus.REVOKED) {
      throw new AcmeProblem(AcmeError.ALREADY_REVOKED, "The certificate is already revoked");
    }
    CertificateAuthority ca = em.find(CertificateAuthority.class, certificate.caId());
    revocation.revoke(
        new Caller(ca.ownerId(), actor, Role.USER), certificate.id(), parsed.rfcName(), null);
  }

  private IssuedCertificate certificate(byte[] der) {
    X509CertificateHolder holder;
    try {
      holder = new X509CertificateHolder(der);
    } catch (IOException | RuntimeException e) {
      throw new AcmeProblem(AcmeError.MALFORMED, "The certificate field is no DER certificate");
    }
    return em.createNamedQuery("AcmeOrder.certificatesBySerial", IssuedCertificate.class)
        .setParameter("serial", SerialNumbers.hex(holder.getSerialNumber()))
        .getResultStream()
        .filter(c -> Arrays.equals(c.der(), der))
        .findFirst()
        .orElseThrow(
            () ->
                new AcmeProblem(AcmeError.NOT_FOUND, "This server did not issue the certificate"));
  }

  private AcmeOrder order(IssuedCertificate certificate) {
    return em.createNamedQuery("AcmeOrder.byCertificate", AcmeOrder.class)
        .setParameter("certificateId", certificate.id())
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new AcmeProblem(
                    AcmeError.UNAUTHORIZED, "The certificate was not issued through ACME"));
  }

  private static RevocationReason reason(Integer code) {
    if (code == null) {
      return RevocationReason.UNSPECIFIED;
    }
    for (RevocationReason reason : SUBSCRIBER_REASONS) {
      if (reason.code() == code) {
        return reason;
      }
    }
    throw new AcmeProblem(
        AcmeError.BAD_REVOCATION_REASON,
        "Reason code " + code + " is not one a subscriber may give: use 0, 1, 3, 4 or 5");
  }
}
