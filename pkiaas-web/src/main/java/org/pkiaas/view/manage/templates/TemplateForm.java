package org.pkiaas.view.manage.templates;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pkiaas.template.entity.TemplateSettings;
import org.pkiaas.template.entity.TemplateSettings.Constraints;
import org.pkiaas.template.entity.TemplateSettings.Distribution;
import org.pkiaas.template.entity.TemplateSettings.General;
import org.pkiaas.template.entity.TemplateSettings.Requests;
import org.pkiaas.template.entity.TemplateSettings.Subject;
import org.pkiaas.template.entity.TemplateSettings.Usage;
import org.pkiaas.view.manage.SubjectForm;
import org.pkiaas.x509.SanType;

/**
 * The template editor's inputs, one property per field of its tabs. It only copies values between
 * {@link TemplateSettings} and the form; {@code Templates.update} validates them. The SCEP and CT
 * Logs tabs have forms of their own ({@link ScepForm}, {@link CtForm}).
 *
 * <p>Longer than 300 lines because Faces binds each input to a getter and a setter: about forty
 * template options make eighty short accessors. Its only logic is {@link #of} and {@link
 * #settings}.
 */
public class TemplateForm implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final List<String> NAMED_PURPOSES =
      List.of(
          "serverAuth",
          "clientAuth",
          "codeSigning",
          "emailProtection",
          "timeStamping",
          "OCSPSigning",
          "smartcardLogon",
          "kdcAuth",
          "documentSigning");

  private String name;
  private boolean enabled;
  private boolean allowPublicRequests;
  private boolean renewalAllowed;
  private boolean renewalAutoRevoke;
  private Integer renewalWindowDays;
  private boolean renewalCopySubject;
  private String signatureAlgorithm;
  private Integer validityDays;
  private String description;
  private boolean suppliedByCsr;
  private SubjectForm subjectDefaults = new SubjectForm();
  private List<String> keyUsage;
  private List<String> extendedKeyUsage;
  private String customExtendedKeyUsage;
  private boolean extendedKeyUsageCritical;
  private boolean ocspNoCheck;
  private boolean ca;
  private Integer pathLength;
  private boolean includeAia;
  private String caIssuersUrl;
  private boolean includeOcsp;
  private boolean includeCrl;
  private boolean includeFreshestCrl;
  private boolean includePolicies;
  private String policyOid;
  private List<String> allowedKeyTypes;
  private Integer minimumRsaBits;
  private List<SanType> allowedSanTypes;
  private boolean allowCsrExtensions;

  private ScepForm scep;
  private CtForm ct;
  private EstForm est;

  static TemplateForm of(TemplateSettings s) {
    TemplateForm f = new TemplateForm();
    f.name = s.name();
    General g = s.general();
    f.enabled = g.enabled();
    f.allowPublicRequests = g.allowPublicRequests();
    f.renewalAllowed = g.renewalAllowed();
    f.renewalAutoRevoke = g.renewalAutoRevoke();
    f.renewalWindowDays = g.renewalWindowDays();
    f.renewalCopySubject = g.renewalCopySubject();
    f.signatureAlgorithm = g.signatureAlgorithm();
    f.validityDays = g.validityDays();
    f.description = g.description();
    Subject subject = s.subject();
    f.suppliedByCsr = subject.suppliedByCsr();
    f.subjectDefaults =
        new SubjectForm(
            subject.organization(),
            subject.organizationalUnit(),
            subject.locality(),
            subject.state(),
            subject.country());
    Usage usage = s.keyUsage();
    f.keyUsage = new ArrayList<>(usage.keyUsage());
    f.extendedKeyUsage =
        new ArrayList<>(
            usage.extendedKeyUsage().stream().filter(NAMED_PURPOSES::contains).toList());
    f.customExtendedKeyUsage =
        String.join(
            ", ",
            usage.extendedKeyUsage().stream().filter(e -> !NAMED_PURPOSES.contains(e)).toList());
    f.extendedKeyUsageCritical = usage.extendedKeyUsageCritical();
    f.ocspNoCheck = usage.ocspNoCheck();
    f.ca = s.basicConstraints().ca();
    f.pathLength = s.basicConstraints().pathLength();
    Distribution d = s.distribution();
    f.includeAia = d.includeAia();
    f.caIssuersUrl = d.caIssuersUrl();
    f.includeOcsp = d.includeOcsp();
    f.includeCrl = d.includeCrl();
    f.includeFreshestCrl = d.includeFreshestCrl();
    f.includePolicies = d.includePolicies();
    f.policyOid = d.policyOid();
    Requests r = s.requests();
    f.allowedKeyTypes = new ArrayList<>(r.allowedKeyTypes());
    f.minimumRsaBits = r.minimumRsaBits();
    f.allowedSanTypes = new ArrayList<>(r.allowedSanTypes());
    f.allowCsrExtensions = r.allowCsrExtensions();
    f.scep = ScepForm.of(s.scep());
    f.ct = CtForm.of(s.certificateTransparency());
    f.est = EstForm.of(s.est());
    return f;
  }

  TemplateSettings settings() {
    List<String> purposes = new ArrayList<>(extendedKeyUsage);
    if (customExtendedKeyUsage != null) {
      Arrays.stream(customExtendedKeyUsage.split("[,\\s]+"))
          .filter(oid -> !oid.isBlank())
          .forEach(purposes::add);
    }
    return new TemplateSettings(
        name,
        new General(
            enabled,
            allowPublicRequests,
            renewalAllowed,
            renewalAutoRevoke,
            orZero(renewalWindowDays),
            renewalCopySubject,
            blankToNull(signatureAlgorithm),
            orZero(validityDays),
            description),
        new Subject(
            suppliedByCsr,
            subjectDefaults.getOrganization(),
            subjectDefaults.getOrganizationalUnit(),
            subjectDefaults.getLocality(),
            subjectDefaults.getState(),
            subjectDefaults.getCountry()),
        new Usage(keyUsage, purposes, extendedKeyUsageCritical, ocspNoCheck),
        new Constraints(ca, ca ? pathLength : null),
        new Distribution(
            includeAia,
            blankToNull(caIssuersUrl),
            includeOcsp,
            includeCrl,
            includeFreshestCrl,
            includePolicies,
            blankToNull(policyOid)),
        new Requests(allowedKeyTypes, orZero(minimumRsaBits), allowedSanTypes, allowCsrExtensions),
        scep.settings(),
        ct.settings(),
        est.settings());
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The EST tab. */
  public EstForm getEst() {
    return est;
  }

  /** The SCEP tab. */
  public ScepForm getScep() {
    return scep;
  }

  public CtForm getCt() {
    return ct;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isAllowPublicRequests() {
    return allowPublicRequests;
  }

  public void setAllowPublicRequests(boolean allowPublicRequests) {
    this.allowPublicRequests = allowPublicRequests;
  }

  public boolean isRenewalAllowed() {
    return renewalAllowed;
  }

  public void setRenewalAllowed(boolean renewalAllowed) {
    this.renewalAllowed = renewalAllowed;
  }

  public boolean isRenewalAutoRevoke() {
    return renewalAutoRevoke;
  }

  public void setRenewalAutoRevoke(boolean renewalAutoRevoke) {
    this.renewalAutoRevoke = renewalAutoRevoke;
  }

  public Integer getRenewalWindowDays() {
    return renewalWindowDays;
  }

  public void setRenewalWindowDays(Integer renewalWindowDays) {
    this.renewalWindowDays = renewalWindowDays;
  }

  public boolean isRenewalCopySubject() {
    return renewalCopySubject;
  }

  public void setRenewalCopySubject(boolean renewalCopySubject) {
    this.renewalCopySubject = renewalCopySubject;
  }

  public String getSignatureAlgorithm() {
    return signatureAlgorithm;
  }

  public void setSignatureAlgorithm(String signatureAlgorithm) {
    this.signatureAlgorithm = signatureAlgorithm;
  }

  public Integer getValidityDays() {
    return validityDays;
  }

  public void setValidityDays(Integer validityDays) {
    this.validityDays = validityDays;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public SubjectForm getSubjectDefaults() {
    return subjectDefaults;
  }

  public boolean isSuppliedByCsr() {
    return suppliedByCsr;
  }

  public void setSuppliedByCsr(boolean suppliedByCsr) {
    this.suppliedByCsr = suppliedByCsr;
  }

  public List<String> getKeyUsage() {
    return keyUsage;
  }

  public void setKeyUsage(List<String> keyUsage) {
    this.keyUsage = keyUsage;
  }

  public List<String> getExtendedKeyUsage() {
    return extendedKeyUsage;
  }

  public void setExtendedKeyUsage(List<String> extendedKeyUsage) {
    this.extendedKeyUsage = extendedKeyUsage;
  }

  public String getCustomExtendedKeyUsage() {
    return customExtendedKeyUsage;
  }

  public void setCustomExtendedKeyUsage(String customExtendedKeyUsage) {
    this.customExtendedKeyUsage = customExtendedKeyUsage;
  }

  public boolean isExtendedKeyUsageCritical() {
    return extendedKeyUsageCritical;
  }

  public void setExtendedKeyUsageCritical(boolean extendedKeyUsageCritical) {
    this.extendedKeyUsageCritical = extendedKeyUsageCritical;
  }

  public boolean isOcspNoCheck() {
    return ocspNoCheck;
  }

  public void setOcspNoCheck(boolean ocspNoCheck) {
    this.ocspNoCheck = ocspNoCheck;
  }

  public boolean isCa() {
    return ca;
  }

  public void setCa(boolean ca) {
    this.ca = ca;
  }

  public Integer getPathLength() {
    return pathLength;
  }

  public void setPathLength(Integer pathLength) {
    this.pathLength = pathLength;
  }

  public boolean isIncludeAia() {
    return includeAia;
  }

  public void setIncludeAia(boolean includeAia) {
    this.includeAia = includeAia;
  }

  public String getCaIssuersUrl() {
    return caIssuersUrl;
  }

  public void setCaIssuersUrl(String caIssuersUrl) {
    this.caIssuersUrl = caIssuersUrl;
  }

  public boolean isIncludeOcsp() {
    return includeOcsp;
  }

  public void setIncludeOcsp(boolean includeOcsp) {
    this.includeOcsp = includeOcsp;
  }

  public boolean isIncludeCrl() {
    return includeCrl;
  }

  public void setIncludeCrl(boolean includeCrl) {
    this.includeCrl = includeCrl;
  }

  public boolean isIncludeFreshestCrl() {
    return includeFreshestCrl;
  }

  public void setIncludeFreshestCrl(boolean includeFreshestCrl) {
    this.includeFreshestCrl = includeFreshestCrl;
  }

  public boolean isIncludePolicies() {
    return includePolicies;
  }

  public void setIncludePolicies(boolean includePolicies) {
    this.includePolicies = includePolicies;
  }

  public String getPolicyOid() {
    return policyOid;
  }

  public void setPolicyOid(String policyOid) {
    this.policyOid = policyOid;
  }

  public List<String> getAllowedKeyTypes() {
    return allowedKeyTypes;
  }

  public void setAllowedKeyTypes(List<String> allowedKeyTypes) {
    this.allowedKeyTypes = allowedKeyTypes;
  }

  public Integer getMinimumRsaBits() {
    return minimumRsaBits;
  }

  public void setMinimumRsaBits(Integer minimumRsaBits) {
    this.minimumRsaBits = minimumRsaBits;
  }

  public List<SanType> getAllowedSanTypes() {
    return allowedSanTypes;
  }

  public void setAllowedSanTypes(List<SanType> allowedSanTypes) {
    this.allowedSanTypes = allowedSanTypes;
  }

  public boolean isAllowCsrExtensions() {
    return allowCsrExtensions;
  }

  public void setAllowCsrExtensions(boolean allowCsrExtensions) {
    this.allowCsrExtensions = allowCsrExtensions;
  }
}
