package org.pkiaas.ct.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.ct.control.EmbeddedScts;
import org.pkiaas.ct.control.SctList;
import org.pkiaas.template.control.StoredTemplates;
import org.pkiaas.template.entity.CertificateTemplate;
import org.pkiaas.template.entity.TemplateSettings.CtLog;
import org.pkiaas.x509.Der;

/**
 * The SCTs an issued certificate carries, verified with the keys of its template's CT logs, for the
 * certificate's page and the API. The caller has already checked that the certificate is the
 * caller's to see. Asked inside the {@link LoggedIssuance#run} that has just issued the
 * certificate, it takes the issuance's own checks of those SCTs rather than verifying them a second
 * time.
 *
 * <p>A read, and a plain CDI bean rather than an enterprise bean: it joins the caller's transaction
 * when there is one and opens none of its own (with none, each read's entities are detached at
 * once, which is all it needs), so the answer to an issuance pays neither a second JTA transaction
 * nor the container's invocation to hand back what the issuance verified.
 */
@ApplicationScoped
public class EmbeddedTimestamps {

  /**
   * One SCT a certificate embeds, and whether it verified.
   *
   * @param logUrl null when no listed log has this id
   * @param problem null when verified
   */
  public record Embedded(
      String logId, String logUrl, Instant timestamp, boolean verified, String problem)
      implements java.io.Serializable {}

  @PersistenceContext EntityManager em;

  public List<Embedded> of(IssuedCertificate certificate) {
    byte[] der = certificate.der();
    if (!SctList.mayBeIn(der)) {
      return List.of(); // most certificates, without parsing them
    }
    X509CertificateHolder holder = Der.certificate(der);
    Extension sctList = holder.getExtension(SctList.EXTENSION);
    if (sctList == null) {
      return List.of(); // most certificates: no CA and template to read
    }
    List<Embedded> verified =
        LoggedIssuance.verifiedAtIssuance(sctList, certificate.caId(), certificate.templateId());
    if (verified != null) {
      return verified; // just issued on this thread with these very SCTs, each verified then
    }
    CertificateAuthority ca = em.find(CertificateAuthority.class, certificate.caId());
    if (ca == null || ca.certificate() == null) {
      return List.of();
    }
    CertificateTemplate template =
        certificate.templateId() == null
            ? null
            : StoredTemplates.find(em, certificate.templateId());
    List<CtLog> logs =
        template == null ? List.of() : template.settings().certificateTransparency().logs();
    return EmbeddedScts.check(holder, Der.issuerCertificate(ca.certificate()), logs);
  }
}
