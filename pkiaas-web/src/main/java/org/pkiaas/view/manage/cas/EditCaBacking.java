package org.pkiaas.view.manage.cas;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.pkiaas.ca.boundary.CaChanges;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.tsa.boundary.CaTimestamping;
import org.pkiaas.tsa.boundary.TimestampingChanges;
import org.pkiaas.view.manage.Feedback;

/**
 * Edit CA ({@code /manage/cas/edit.xhtml}, user guide 3.3): the CPS, the service-certificate
 * settings, CRL validity and the time-stamp authority (on or off, its policies). Save changes the
 * time-stamp authority first, so that a refused policy leaves everything as it was.
 */
@Named
@ViewScoped
public class EditCaBacking extends CaPage {

  private static final long serialVersionUID = 1L;

  @Inject CaTimestamping timestamping;

  private String cpsText;
  private String cpsUrl;
  private String serviceKeyType;
  private Integer serviceKeySize;
  private String serviceCurve;
  private String serviceSignatureHash;
  private Integer crlValidityDays;
  private TimestampingForm tsa;
  private TimestampingChanges tsaLoaded;

  @Override
  protected void loaded(CertificateAuthority ca) {
    cpsText = ca.cpsText();
    cpsUrl = ca.cpsUrl();
    KeySpec service = ca.serviceKeySpec();
    serviceKeyType = service.algorithm().name();
    serviceKeySize = "RSA".equals(serviceKeyType) ? Integer.valueOf(service.parameter()) : 3072;
    serviceCurve = "EC".equals(serviceKeyType) ? service.parameter() : "P-256";
    serviceSignatureHash = ca.serviceSignatureHash();
    crlValidityDays = ca.crlValidityDays();
    loadTimestamping();
  }

  private void loadTimestamping() {
    tsa =
        TimestampingForm.of(
            timestamping.read(user.caller(), getCaId()), timestamping.operatorDefaultPolicy());
    tsaLoaded = tsa.changes();
  }

  public List<Integer> getRsaSizes() {
    return KeySpec.RSA_SIZES;
  }

  public List<String> getCurves() {
    return KeySpec.CURVES;
  }

  public void save() {
    try {
      if (!tsa.changes().equals(tsaLoaded)) {
        try {
          timestamping.change(user.caller(), getCaId(), tsa.changes());
        } catch (InvalidInputException e) {
          throw TimestampingForm.onTheTextArea(e);
        }
      }
      cas.change(
          user.caller(),
          getCaId(),
          new CaChanges(
              cpsText == null ? "" : cpsText,
              cpsUrl == null ? "" : cpsUrl,
              serviceKeyType,
              "RSA".equals(serviceKeyType) ? serviceKeySize : null,
              "EC".equals(serviceKeyType) ? serviceCurve : null,
              serviceSignatureHash,
              crlValidityDays));
      loadTimestamping();
      Feedback.info("Saved");
    } catch (PkiaasException e) {
      Feedback.refused("edit", e);
    }
  }

  public TimestampingForm getTsa() {
    return tsa;
  }

  public Integer getCrlValidityDays() {
    return crlValidityDays;
  }

  public void setCrlValidityDays(Integer crlValidityDays) {
    this.crlValidityDays = crlValidityDays;
  }

  public String getCpsText() {
    return cpsText;
  }

  public void setCpsText(String cpsText) {
    this.cpsText = cpsText;
  }

  public String getCpsUrl() {
    return cpsUrl;
  }

  public void setCpsUrl(String cpsUrl) {
    this.cpsUrl = cpsUrl;
  }

  public String getServiceKeyType() {
    return serviceKeyType;
  }

  public void setServiceKeyType(String serviceKeyType) {
    this.serviceKeyType = serviceKeyType;
  }

  public Integer getServiceKeySize() {
    return serviceKeySize;
  }

  public void setServiceKeySize(Integer serviceKeySize) {
    this.serviceKeySize = serviceKeySize;
  }

  public String getServiceCurve() {
    return serviceCurve;
  }

  public void setServiceCurve(String serviceCurve) {
    this.serviceCurve = serviceCurve;
  }

  public String getServiceSignatureHash() {
    return serviceSignatureHash;
  }

  public void setServiceSignatureHash(String serviceSignatureHash) {
    this.serviceSignatureHash = serviceSignatureHash;
  }
}
