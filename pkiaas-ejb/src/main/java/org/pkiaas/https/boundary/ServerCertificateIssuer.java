package org.pkiaas.https.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.https.control.ServerCertificatePolicy;
import org.pkiaas.https.control.ServerCertificatePolicy.Decision;
import org.pkiaas.https.control.ServerCertificatePolicy.Served;
import org.pkiaas.issuance.boundary.IssuanceService;
import org.pkiaas.issuance.control.CertificateProfile;
import org.pkiaas.issuance.control.Channel;
import org.pkiaas.issuance.control.Evidence;
import org.pkiaas.issuance.control.Intake;
import org.pkiaas.pem.Pem;
import org.pkiaas.template.control.StoredTemplates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.x509.Der;
import org.pkiaas.x509.SerialNumbers;
import org.pkiaas.x509.SubjectAltNames;

/**
 * The transactional half of the HTTPS certificate's upkeep: what the records say of the certificate
 * the listener serves ({@link #plan}), and a new one through the one intake policy and {@link
 * IssuanceService} ({@link #issue}), audited as every issuance is.
 */
@Stateless
public class ServerCertificateIssuer {

  @PersistenceContext EntityManager em;

  @Inject ServerCertificateSettings settings;

  @Inject IssuanceService issuance;

  /** The chosen template and CA, and what to do about the served certificate. */
  public record Plan(String caId, String templateId, Decision decision) {}

  /**
   * What this node should do, given the chain it serves from the issued key store (leaf first, or
   * empty); empty when no template is chosen or the chosen one is gone.
   */
  public Optional<Plan> plan(List<SubjectAltNames.Name> names, List<X509Certificate> served) {
    Optional<CertificateTemplate> template =
        settings.templateId().map(id -> StoredTemplates.find(em, id));
    if (template.isEmpty() || template.get() == null) {
      return Optional.empty();
    }
    CertificateAuthority ca = em.find(CertificateAuthority.class, template.get().caId());
    if (ca == null || ca.certificate() == null) {
      return Optional.empty();
    }
    ServerCertificatePolicy.Wanted wanted =
        new ServerCertificatePolicy.Wanted(
            template.get().id(),
            new HashSet<>(SubjectAltNames.written(names)),
            settings.renewalRequested().orElse(null));
    Decision decision = ServerCertificatePolicy.decide(wanted, served(ca, served), Instant.now());
    return Optional.of(new Plan(ca.id(), template.get().id(), decision));
  }

  /** The chosen CA's record of the served leaf, as the policy sees it; null when none. */
  private Served served(CertificateAuthority ca, List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      return null;
    }
    X509Certificate leaf = chain.get(0);
    IssuedCertificate record =
        em.createNamedQuery("IssuedCertificate.bySerial", IssuedCertificate.class)
            .setParameter("caId", ca.id())
            .setParameter("serial", SerialNumbers.hex(leaf.getSerialNumber()))
            .getResultStream()
            .filter(c -> Arrays.equals(c.der(), encoded(leaf)))
            .findFirst()
            .orElse(null);
    if (record == null) {
      return null;
    }
    boolean chainCurrent =
        chain.size() > 1 && Arrays.equals(encoded(chain.get(1)), ca.certificate());
    return new Served(
        record.templateId(),
        issuedAt(record),
        record.notBefore(),
        record.notAfter(),
        record.status() != CertificateStatus.VALID,
        new HashSet<>(record.subjectAltNames()),
        chainCurrent,
        caCertificateRevoked(ca));
  }

  /** When the certificate was stored: its notBefore is set back a few minutes. */
  private Instant issuedAt(IssuedCertificate record) {
    return em.createQuery(
            "SELECT c.createdAt FROM IssuedCertificate c WHERE c.id = :id", Instant.class)
        .setParameter("id", record.id())
        .getSingleResult();
  }

  /**
   * Whether one of this installation's CAs issued the CA's certificate and revoked (or held) it; a
   * self-issued (root) certificate has no such issuer.
   */
  private boolean caCertificateRevoked(CertificateAuthority ca) {
    X509CertificateHolder certificate = Der.certificate(ca.certificate());
    if (certificate.getSubject().equals(certificate.getIssuer())) {
      return false;
    }
    String hash = IssuedCertificate.publicKeyHash(ca.certificate());
    return em.createNamedQuery("CertificateAuthority.activeIds", String.class)
        .getResultStream()
        .flatMap(
            issuer ->
                em.createNamedQuery("IssuedCertificate.byPublicKey", IssuedCertificate.class)
                    .setParameter("caId", issuer)
                    .setParameter("hash", hash)
                    .getResultStream())
        .anyMatch(
            c -> Arrays.equals(c.der(), ca.certificate()) && c.status() != CertificateStatus.VALID);
  }

  /**
   * Issues the listener's certificate for {@code key} under the plan's template: the public host as
   * subject common name, and {@code names}. Returns the chain, leaf first, DER. Callers run it
   * under {@link org.pkiaas.ct.boundary.LoggedIssuance}, as every channel does, so a template with
   * CT logs never has them waited on inside this transaction.
   */
  public List<byte[]> issue(
      Plan plan, SubjectPublicKeyInfo key, List<SubjectAltNames.Name> names, String issuedBy) {
    CertificateAuthority ca = em.find(CertificateAuthority.class, plan.caId());
    CertificateTemplate template = StoredTemplates.find(em, plan.templateId());
    var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.get(0).value());
    CertificateProfile.Request request =
        new CertificateProfile.Request(key, subject.build(), names, null);
    Intake intake =
        new Intake(
            Channel.HTTPS_SERVER, request, new Evidence.PreApproved(subject.build(), names, null));
    IssuedCertificate issued = issuance.issue(ca, template, intake, null, issuedBy);
    List<byte[]> chain = new ArrayList<>();
    chain.add(issued.der());
    chain.add(ca.certificate());
    if (ca.chainPem() != null && !ca.chainPem().isBlank()) {
      Pem.certificates("chain", ca.chainPem()).forEach(c -> chain.add(Der.encoded(c)));
    }
    return chain;
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
