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
 * A CSR-only CA's certificate signing request ({@code /manage/cas/csr.xhtml}), to copy or download.
 */
@Named
@ViewScoped
public class CaCsrBacking extends CaPage {

  private static final long serialVersionUID = 1L;

  private String csrPem;

  @Override
  protected void loaded(CertificateAuthority found) {
    try {
      csrPem = cas.csrPem(user.caller(), found.id());
    } catch (PkiaasException e) {
      Feedback.error(e.getMessage());
    }
  }

  public String getCsrPem() {
    return csrPem;
  }

  public StreamedContent getDownload() {
    return DefaultStreamedContent.builder()
        .name(fileName(ca().name()) + ".csr")
        .contentType("application/pkcs10")
        .stream(() -> new ByteArrayInputStream(csrPem.getBytes(StandardCharsets.US_ASCII)))
        .build();
  }

  static String fileName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-");
    return safe.isEmpty() ? "ca" : safe;
  }
}
