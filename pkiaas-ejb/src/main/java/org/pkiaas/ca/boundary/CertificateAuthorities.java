package org.pkiaas.ca.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyPair;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.pkiaas.audit.boundary.Audited;
import org.pkiaas.ca.control.AiaFetcher;
import org.pkiaas.ca.control.CaCertificateBuilder;
import org.pkiaas.ca.control.CaCertificateImport;
import org.pkiaas.ca.control.CaCreation;
import org.pkiaas.ca.control.HsmProvisioning;
import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.ca.entity.KeyBackend;
import org.pkiaas.config.PkiaasConfig;
import org.pkiaas.identity.Caller;
import org.pkiaas.pem.Pem;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.signing.CaSigner;
import org.pkiaas.signing.CaSigners;
import org.pkiaas.signing.DeviceLinks;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.signing.KeyWrapper;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.SerialNumbers;

/**
 * The lifecycle of certificate authorities: create (root or CSR-only intermediate), read, edit,
 * import the signed certificate, retire, delete. Every method is scoped to the caller's own CAs;
 * another owner's CA is "not found".
 */
@Stateless
public class CertificateAuthorities {

  private static final String KIND = "Certificate authority";

  @PersistenceContext EntityManager em;

  @Inject KeyWrapper keyWrapper;

  @Inject CaSigners signers;

  @Inject DeviceLinks deviceLinks;

  @Inject Event<CaWithdrawn> withdrawn;

  @Inject PkiaasConfig config;

  @Inject Event<CaLifecycle> lifecycle;

  @Audited(value = "ca.create", objectType = "CA")
  public CertificateAuthority create(Caller caller, NewCertificateAuthority request) {
    CaCreation creation = CaCreation.of(request.draft());
    KeyPair keyPair = creation.keyPair();
    CertificateAuthority ca =
        new CertificateAuthority(
            caller.accountId(),
            creation.name(),
            creation.subject().toString(),
            creation.backend(),
            creation.keySpec(),
            creation.signatureAlgorithm(),
            creation.validityDays(),
            creation.pathLength(),
            creation.keyUsage(),
            creation.extendedKeyUsage(),
            keyPair.getPublic().getEncoded());
    if (creation.backend() == KeyBackend.HSM) {
      // the key is made on the device; until its certificate is imported the CA holds only the
      // provisioning template's key, and nothing private
      ca.storeWrappedKey(new byte[0]);
      em.persist(ca);
      lifecycle.fire(new CaLifecycle(ca, CaLifecycle.Stage.CREATED));
      return ca;
    }
    ca.storeWrappedKey(keyWrapper.wrap(keyPair.getPrivate(), ca.wrappingContext()));
    em.persist(ca);
    lifecycle.fire(new CaLifecycle(ca, CaLifecycle.Stage.CREATED));
    CaSigner signer = signers.forKey(ca.signingKey());
    if (creation.csrOnly()) {
      PKCS10CertificationRequest csr = CaCertificateBuilder.csr(creation.profile(), signer);
      ca.awaitCertificate(Der.encoded(csr));
    } else {
      takeCertificate(ca, CaCertificateBuilder.selfSigned(creation.profile(), signer), null);
      lifecycle.fire(new CaLifecycle(ca, CaLifecycle.Stage.ACTIVATED));
    }
    return ca;
  }

  public List<CertificateAuthority> list(Caller caller) {
    return em.createNamedQuery("CertificateAuthority.byOwner", CertificateAuthority.class)
        .setParameter("ownerId", caller.accountId())
        .getResultList();
  }

  public CertificateAuthority get(Caller caller, String caId) {
    CertificateAuthority ca = caId == null ? null : em.find(CertificateAuthority.class, caId);
    if (ca == null || !ca.visibleTo(caller.accountId())) {
      throw new NotFoundException(KIND, caId);
    }
    return ca;
  }

  @Audited(value = "ca.update", objectType = "CA", objectIdArgument = 1)
  public CertificateAuthority change(Caller caller, String caId, CaChanges changes) {
    CertificateAuthority ca = get(caller, caId);
    if (changes.cpsText() != null || changes.cpsUrl() != null) {
      String url = changes.cpsUrl() != null ? changes.cpsUrl().trim() : ca.cpsUrl();
      if (url != null && !url.isEmpty() && !url.matches("https?://\\S+")) {
        throw new InvalidInputException("cpsUrl", "The CPS URL must be an http or https URL");
      }
      ca.changeCps(
          changes.cpsText() != null ? changes.cpsText() : ca.cpsText(),
          url == null || url.isEmpty() ? null : url);
    }
    if (changes.serviceKeyType() != null
        || changes.serviceKeySize() != null
        || changes.serviceCurve() != null
        || changes.serviceSignatureHash() != null) {
      ca.changeServiceCertificates(
          serviceKeySpec(ca, changes), serviceHash(ca, changes.serviceSignatureHash()));
    }
    if (changes.crlValidityDays() != null) {
      int days = changes.crlValidityDays();
      if (days < 1 || days > 366) {
        throw new InvalidInputException("crlValidityDays", "A CRL is valid for 1 to 366 days");
      }
      ca.changeCrlValidity(days);
      lifecycle.fire(new CaLifecycle(ca, CaLifecycle.Stage.CRL_SETTINGS_CHANGED));
    }
    return ca;
  }

  /**
   * Deletes a CA that has no unexpired certificates (409 otherwise: {@link #retire} it). The row
   * and its issuance records (certificates, requests, templates) stay, hidden from everyone; its
   * ACME accounts and CRLs go, and every node drops its signer and cached OCSP answers.
   */
  @Audited(value = "ca.delete", objectType = "CA", objectIdArgument = 1)
  public void delete(Caller caller, String caId) {
    CertificateAuthority ca = get(caller, caId);
    lifecycle.fire(new CaLifecycle(ca, CaLifecycle.Stage.DELETING));
    lifecycle.fire(new CaLifecycle(ca, CaLifecycle.Stage.DELETED));
    ca.markDeleted();
    signers.forget(ca.id());
    withdrawn.fire(new CaWithdrawn(ca.id()));
  }

  /**
   * Retires a CA: it issues nothing more on any channel, while its CRL and OCSP keep answering for
   * what it issued. The CA's revision moves, so every node drops its signer and cached answers.
   */
  @Audited(value = "ca.retire", objectType = "CA", objectIdArgument = 1)
  public CertificateAuthority retire(Caller caller, String caId) {
    CertificateAuthority ca = get(caller, caId);
    ca.retire();
    lifecycle.fire(new CaLifecycle(ca, CaLifecycle.Stage.RETIRED));
    signers.forget(ca.id());
    withdrawn.fire(new CaWithdrawn(ca.id()));
    return ca;
  }

  /**
   * The HSM provisioning file of a CA created with {@code "keyStorage": "HSM"}: the template
   * certificate (the subject, extensions and validity the CA will have, signed by a throwaway key),
   * then this server's link certificate, which the agent pins. The agent copies the template onto
   * the token's key, self-signed for a root or as a CSR for an intermediate.
   */
  public String hsmProvisioningPem(Caller caller, String caId) {
    CertificateAuthority ca = get(caller, caId);
    if (ca.keyBackend() != KeyBackend.HSM) {
      throw new ConflictException("This CA's key is not on an IoT-HSM device");
    }
    return Pem.certificate(Der.encoded(HsmProvisioning.template(ca)))
        + Pem.certificate(deviceLinks.linkCertificate());
  }

  /** The PEM CSR of a CA created with "CSR only". */
  public String csrPem(Caller caller, String caId) {
    CertificateAuthority ca = get(caller, caId);
    if (ca.csr() == null) {
      throw new ConflictException("This CA was not created with \"CSR only\" and has no CSR");
    }
    return Pem.encode("CERTIFICATE REQUEST", ca.csr());
  }

  /**
   * Activates a "CSR only" CA with the certificate another CA issued it. Issuers missing from
   * {@code chainPem} are fetched through the certificate's AIA caIssuers only when {@code
   * fetchIssuers} asks for it: the URLs are the certificate maker's, and the server fetches them.
   */
  @Audited(value = "ca.certificate.import", objectType = "CA", objectIdArgument = 1)
  public CertificateAuthority importCertificate(
      Caller caller, String caId, String certificatePem, String chainPem, boolean fetchIssuers) {
    CertificateAuthority ca = get(caller, caId);
    if (ca.status() != CaStatus.AWAITING_CERTIFICATE) {
      throw new ConflictException("This CA already has its certificate");
    }
    byte[] key =
        ca.keyBackend() == KeyBackend.HSM
            ? HsmProvisioning.deviceKey(ca, certificatePem)
            : ca.publicKey();
    var chain =
        new CaCertificateImport(fetchIssuers ? AiaFetcher::issuersOf : c -> List.of())
            .verify(key, certificatePem, chainPem, new Date());
    X509CertificateHolder certificate = chain.certificate();
    if (ca.keyBackend() == KeyBackend.HSM) {
      ca.bindDeviceKey(key, KeySpec.of(CaSigners.publicKey(key)));
      signers.forget(ca.id());
      // activating signs the OCSP responder's certificate on the device: it must be connected
      signers.forKey(ca.signingKey()).requireReachable();
    }
    takeCertificate(ca, certificate, chain.issuersPem());
    if (ca.status() == CaStatus.ACTIVE) {
      // a successor stays NEXT, and gets its OCSP responder once its owner activates it
      lifecycle.fire(new CaLifecycle(ca, CaLifecycle.Stage.ACTIVATED));
    }
    return ca;
  }

  /** Gives {@code ca} its own certificate, signed by itself or by the CAs in {@code issuersPem}. */
  static void takeCertificate(
      CertificateAuthority ca, X509CertificateHolder certificate, String issuersPem) {
    ca.activate(
        certificate.getSubject().toString(),
        Der.encoded(certificate),
        issuersPem,
        SerialNumbers.hex(certificate.getSerialNumber()),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant());
  }

  public ServiceUrls serviceUrls(Caller caller, String caId) {
    return ServiceUrls.of(config.pkiUrl(), get(caller, caId));
  }

  private static KeySpec serviceKeySpec(CertificateAuthority ca, CaChanges changes) {
    if (changes.serviceKeyType() == null
        && changes.serviceKeySize() == null
        && changes.serviceCurve() == null) {
      return ca.serviceKeySpec();
    }
    String type =
        changes.serviceKeyType() != null
            ? changes.serviceKeyType()
            : ca.serviceKeySpec().algorithm().name();
    try {
      KeySpec spec = KeySpec.parse(type, changes.serviceKeySize(), changes.serviceCurve(), null);
      if (spec.algorithm() == org.pkiaas.signing.KeyAlgorithm.ML_DSA
          || spec.algorithm() == org.pkiaas.signing.KeyAlgorithm.SLH_DSA) {
        throw new InvalidInputException(
            "serviceKeyType", "Service certificates use RSA, EC or ED25519 keys");
      }
      return spec;
    } catch (InvalidInputException e) {
      String field =
          e.field().startsWith("service")
              ? e.field()
              : "service" + Character.toUpperCase(e.field().charAt(0)) + e.field().substring(1);
      throw new InvalidInputException(field, e.getMessage());
    }
  }

  private static String serviceHash(CertificateAuthority ca, String requested) {
    if (requested == null) {
      return ca.serviceSignatureHash();
    }
    String hash = requested.trim().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    if (!List.of("SHA256", "SHA384", "SHA512").contains(hash)) {
      throw new InvalidInputException(
          "serviceSignatureHash", "The hash is SHA256, SHA384 or SHA512");
    }
    return hash;
  }
}
