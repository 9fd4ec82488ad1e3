package org.pkiaas.view.manage.cas;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.view.manage.Feedback;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * An HSM CA's provisioning certificate ({@code /manage/cas/hsm.xhtml}, user guide 10.3): the
 * template the IoT-HSM agent copies onto the token's key, followed by the server's link certificate
 * the agent pins; to copy or download.
 */
@Named
@ViewScoped
public class HsmProvisioningBacking extends CaPage {

  private static final long serialVersionUID = 1L;

  private String provisioningPem;

  @Override
  protected void loaded(CertificateAuthority found) {
    try {
      provisioningPem = cas.hsmProvisioningPem(user.caller(), found.id());
    } catch (PkiaasException e) {
      Feedback.error(e.getMessage());
    }
  }

  public String getProvisioningPem() {
    return provisioningPem;
  }

  public StreamedContent getDownload() {
    return DefaultStreamedContent.builder()
        .name(CaCsrBacking.fileName(ca().name()) + "-hsm-provisioning.pem")
        .contentType("application/x-pem-file")
        .stream(() -> new ByteArrayInputStream(provisioningPem.getBytes(StandardCharsets.US_ASCII)))
        .build();
  }
}
