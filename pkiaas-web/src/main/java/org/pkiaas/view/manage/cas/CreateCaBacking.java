package org.pkiaas.view.manage.cas;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.pkiaas.ca.boundary.CaSubject;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.boundary.MasterKeyReminder;
import org.pkiaas.ca.boundary.NewCertificateAuthority;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.problem.PkiaasException;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.view.manage.ConsoleUser;
import org.pkiaas.view.manage.Feedback;
import org.pkiaas.view.manage.KeyUsageForm;
import org.pkiaas.view.manage.Pages;
import org.pkiaas.view.manage.SubjectForm;

/**
 * Create New CA ({@code /manage/cas/create.xhtml}, user guide 3.1.1); every rule is {@link
 * CertificateAuthorities#create}'s.
 */
@Named
@ViewScoped
public class CreateCaBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CertificateAuthorities cas;

  @Inject MasterKeyReminder masterKeyReminder;

  @Inject ConsoleUser user;

  private String commonName;
  private final SubjectForm subject = new SubjectForm();
  private String keyType = "EC";
  private Integer keySize = 3072;
  private String curve = "P-256";
  private String parameterSet = "ML-DSA-65";

  /**
   * Write-only: held for one request as characters, wiped after use, never rendered back into the
   * form.
   */
  private char[] privateKeyPem;

  private char[] privateKeyPassword;
  private String signatureAlgorithm;
  private Integer validityDays = 3650;
  private Integer pathLength;
  private final KeyUsageForm usage =
      new KeyUsageForm(List.of("keyCertSign", "cRLSign", "digitalSignature"), List.of());
  private boolean csrOnly;
  private String keyStorage = "MANAGED";

  public boolean isFirstCa() {
    return cas.list(user.caller()).isEmpty();
  }

  public List<Integer> getRsaSizes() {
    return KeySpec.RSA_SIZES;
  }

  public List<String> getCurves() {
    return KeySpec.CURVES;
  }

  public List<String> getParameterSets() {
    return KeySpec.ML_DSA_SETS;
  }

  /** The signature algorithms the chosen key can make; the first is the default. */
  public List<String> getSignatureAlgorithms() {
    try {
      return KeySpec.parse(
              keyType,
              "RSA".equals(keyType) ? keySize : null,
              "EC".equals(keyType) ? curve : null,
              "ML_DSA".equals(keyType) ? parameterSet : null)
          .signatureAlgorithms();
    } catch (PkiaasException e) {
      return List.of();
    }
  }

  public void keyTypeChanged() {
    signatureAlgorithm = null;
  }

  public void create() throws IOException {
    CaSubject caSubject =
        new CaSubject(
            commonName,
            subject.getOrganization(),
            subject.getOrganizationalUnit(),
            subject.getLocality(),
            subject.getState(),
            subject.getCountry());
    boolean importing = privateKeyPem != null && !new String(privateKeyPem).isBlank();
    NewCertificateAuthority request =
        new NewCertificateAuthority(
            null,
            caSubject,
            importing ? null : keyType,
            "RSA".equals(keyType) ? keySize : null,
            "EC".equals(keyType) ? curve : null,
            "ML_DSA".equals(keyType) ? parameterSet : null,
            signatureAlgorithm,
            validityDays,
            pathLength,
            usage.getKeyUsage(),
            usage.purposes(),
            csrOnly,
            importing ? new String(privateKeyPem) : null,
            privateKeyPassword == null ? null : new String(privateKeyPassword),
            keyStorage);
    wipeKeyMaterial();
    try {
      CertificateAuthority created = cas.create(user.caller(), request);
      user.scopeTo(created.id());
      masterKeyReminder
          .afterCreating(user.caller(), created)
          .ifPresent(Feedback::warnAfterRedirect);
      if ("HSM".equals(keyStorage)) {
        Pages.redirect("/manage/cas/hsm.xhtml?ca=" + created.id());
      } else if (csrOnly) {
        Pages.redirect("/manage/cas/csr.xhtml?ca=" + created.id());
      } else {
        Feedback.infoAfterRedirect(
            "The CA '" + created.name() + "' is ready to issue certificates");
        Pages.redirect("/manage/cas/manage.xhtml");
      }
    } catch (PkiaasException e) {
      Feedback.refused("create", e);
    }
  }

  private void wipeKeyMaterial() {
    if (privateKeyPem != null) {
      Arrays.fill(privateKeyPem, '\0');
      privateKeyPem = null;
    }
    if (privateKeyPassword != null) {
      Arrays.fill(privateKeyPassword, '\0');
      privateKeyPassword = null;
    }
  }

  public String getKeyStorage() {
    return keyStorage;
  }

  public void setKeyStorage(String keyStorage) {
    this.keyStorage = keyStorage;
  }

  public String getCommonName() {
    return commonName;
  }

  public void setCommonName(String commonName) {
    this.commonName = commonName;
  }

  public SubjectForm getSubject() {
    return subject;
  }

  public String getKeyType() {
    return keyType;
  }

  public void setKeyType(String keyType) {
    this.keyType = keyType;
  }

  public Integer getKeySize() {
    return keySize;
  }

  public void setKeySize(Integer keySize) {
    this.keySize = keySize;
  }

  public String getCurve() {
    return curve;
  }

  public void setCurve(String curve) {
    this.curve = curve;
  }

  public String getParameterSet() {
    return parameterSet;
  }

  public void setParameterSet(String parameterSet) {
    this.parameterSet = parameterSet;
  }

  /** Always empty: an imported key is never sent back to the browser. */
  public String getPrivateKeyPem() {
    return null;
  }

  public void setPrivateKeyPem(String privateKeyPem) {
    this.privateKeyPem =
        privateKeyPem == null || privateKeyPem.isEmpty() ? null : privateKeyPem.toCharArray();
  }

  /** Always empty, like {@link #getPrivateKeyPem()}. */
  public String getPrivateKeyPassword() {
    return null;
  }

  public void setPrivateKeyPassword(String privateKeyPassword) {
    this.privateKeyPassword =
        privateKeyPassword == null || privateKeyPassword.isEmpty()
            ? null
            : privateKeyPassword.toCharArray();
  }

  public String getSignatureAlgorithm() {
    return signatureAlgorithm;
  }

  public void setSignatureAlgorithm(String signatureAlgorithm) {
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** The upper bound of the validity field: the one limit every issuance keeps. */
  public int getMaxValidityDays() {
    return org.pkiaas.x509.ValidityDays.MAX;
  }

  public Integer getValidityDays() {
    return validityDays;
  }

  public void setValidityDays(Integer validityDays) {
    this.validityDays = validityDays;
  }

  public Integer getPathLength() {
    return pathLength;
  }

  public void setPathLength(Integer pathLength) {
    this.pathLength = pathLength;
  }

  public KeyUsageForm getUsage() {
    return usage;
  }

  public boolean isCsrOnly() {
    return csrOnly;
  }

  public void setCsrOnly(boolean csrOnly) {
    this.csrOnly = csrOnly;
  }
}
