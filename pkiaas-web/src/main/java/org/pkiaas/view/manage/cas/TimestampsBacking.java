package org.pkiaas.view.manage.cas;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.problem.InvalidInputException;
import org.pkiaas.tsa.boundary.GrantedTimestamps;
import org.pkiaas.tsa.boundary.TimestampTokenFilter;
import org.pkiaas.tsa.entity.TimestampToken;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.PagedModel;
import org.primefaces.model.LazyDataModel;

/**
 * Time Stamps ({@code /manage/cas/timestamps.xhtml}): the tokens a CA's time-stamp authority
 * granted, newest first, paged by the server; searched by the hash stamped, to answer "did this CA
 * stamp this, and when".
 */
@Named
@ViewScoped
public class TimestampsBacking extends CaPage {

  private static final long serialVersionUID = 1L;

  private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

  @Inject GrantedTimestamps timestamps;

  private String imprint;
  private TimestampTokenFilter filter = TimestampTokenFilter.all();
  private LazyDataModel<TimestampToken> model;

  @Override
  protected void loaded(CertificateAuthority ca) {
    String caId = ca.id();
    model =
        new PagedModel<>(
            (page, size, sortBy) -> timestamps.list(user.caller(), caId, filter, page, size),
            TimestampToken::serialNumber);
  }

  /** Applies the imprint typed; a malformed one is refused beside the field. */
  public void search() {
    try {
      filter = new TimestampTokenFilter(imprint, null, null);
    } catch (InvalidInputException e) {
      Feedback.refused("timestamps", e);
    }
  }

  /** A hash algorithm's name, such as SHA256, or its OID when unknown. */
  public String hashName(String oid) {
    return NAMES.getAlgorithmName(new ASN1ObjectIdentifier(oid));
  }

  public boolean isRecording() {
    return timestamps.recording();
  }

  public LazyDataModel<TimestampToken> getModel() {
    return model;
  }

  public String getImprint() {
    return imprint;
  }

  public void setImprint(String imprint) {
    this.imprint = imprint;
  }
}
