package org.pkiaas.template.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.pkiaas.audit.entity.AuditedAs;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.ca.entity.IssuingSettingsListener;
import org.pkiaas.rowid.RowIds;
import org.pkiaas.template.entity.TemplateSettings.CertificateTransparency;
import org.pkiaas.template.entity.TemplateSettings.Constraints;
import org.pkiaas.template.entity.TemplateSettings.Distribution;
import org.pkiaas.template.entity.TemplateSettings.Est;
import org.pkiaas.template.entity.TemplateSettings.General;
import org.pkiaas.template.entity.TemplateSettings.Requests;
import org.pkiaas.template.entity.TemplateSettings.Scep;
import org.pkiaas.template.entity.TemplateSettings.Subject;
import org.pkiaas.template.entity.TemplateSettings.Usage;
import org.pkiaas.x509.SanType;

/**
 * A certificate template of a CA: what certificates issued under it look like and what requests it
 * accepts. Its options are read and written as one {@link TemplateSettings} value.
 *
 * <p>Longer than 300 lines because it maps one column per template option of the editor (about
 * forty) and converts them to and from {@link TemplateSettings} in one place; it holds no logic
 * beyond that mapping.
 */
@Entity
@EntityListeners(IssuingSettingsListener.class)
@AuditedAs("TEMPLATE")
@Table(name = "certificate_template")
@NamedQuery(
    name = "CertificateTemplate.byCa",
    query = "SELECT t FROM CertificateTemplate t WHERE t.caId = :caId ORDER BY t.createdAt, t.id")
@NamedQuery(
    name = "CertificateTemplate.byCaAndName",
    query = "SELECT t FROM CertificateTemplate t WHERE t.caId = :caId AND t.name = :name")
@NamedQuery(
    name = "CertificateTemplate.byEstLabel",
    query = "SELECT t FROM CertificateTemplate t WHERE t.estLabel = :label")
@NamedQuery(
    name = CertificateTemplate.WITH_CT_LOGS,
    query = "SELECT t FROM CertificateTemplate t LEFT JOIN FETCH t.ctLogs WHERE t.id = :id")
@NamedQuery(
    name = CertificateTemplate.WITH_CT_LOGS_AND_CA,
    query =
        "SELECT t, c FROM CertificateTemplate t LEFT JOIN FETCH t.ctLogs"
            + " JOIN CertificateAuthority c ON c.id = t.caId WHERE t.id = :id")
public class CertificateTemplate implements Identified {

  /** The template with its CT logs, read in one statement ({@code StoredTemplates.find}). */
  public static final String WITH_CT_LOGS = "CertificateTemplate.withCtLogs";

  /** The template {@code id}, its CT logs and its CA, in one statement: rows of {template, CA}. */
  public static final String WITH_CT_LOGS_AND_CA = "CertificateTemplate.withCtLogsAndCa";

  @Id private String id;

  @Column(name = "ca_id", nullable = false)
  private String caId;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private StarterTemplate starter;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private int version;

  // General
  private boolean enabled;

  @Column(name = "allow_public_requests")
  private boolean allowPublicRequests;

  @Column(name = "renewal_allowed")
  private boolean renewalAllowed;

  @Column(name = "renewal_auto_revoke")
  private boolean renewalAutoRevoke;

  @Column(name = "renewal_window_days")
  private int renewalWindowDays;

  @Column(name = "renewal_copy_subject")
  private boolean renewalCopySubject;

  @Column(name = "signature_algorithm")
  private String signatureAlgorithm;

  @Column(name = "validity_days")
  private int validityDays;

  private String description;

  // Subject
  @Column(name = "subject_from_csr")
  private boolean subjectFromCsr;

  @Column(name = "subject_organization")
  private String subjectOrganization;

  @Column(name = "subject_organizational_unit")
  private String subjectOrganizationalUnit;

  @Column(name = "subject_locality")
  private String subjectLocality;

  @Column(name = "subject_state")
  private String subjectState;

  @Column(name = "subject_country")
  private String subjectCountry;

  // Key usage
  @Column(name = "key_usage")
  private String keyUsage;

  @Column(name = "extended_key_usage")
  private String extendedKeyUsage;

  @Column(name = "extended_key_usage_critical")
  private boolean extendedKeyUsageCritical;

  @Column(name = "ocsp_no_check")
  private boolean ocspNoCheck;

  // Basic constraints
  @Column(name = "is_ca")
  private boolean ca;

  @Column(name = "path_length")
  private Integer pathLength;

  // CRL / OCSP / AIA / CPS
  @Column(name = "include_aia")
  private boolean includeAia;

  @Column(name = "aia_ca_issuers_url")
  private String caIssuersUrl;

  @Column(name = "include_ocsp")
  private boolean includeOcsp;

  @Column(name = "include_crl")
  private boolean includeCrl;

  @Column(name = "include_freshest_crl")
  private boolean includeFreshestCrl;

  @Column(name = "include_policies")
  private boolean includePolicies;

  @Column(name = "policy_oid")
  private String policyOid;

  // What requests may bring
  @Column(name = "allowed_key_types")
  private String allowedKeyTypes;

  @Column(name = "minimum_rsa_bits")
  private int minimumRsaBits;

  @Column(name = "allowed_san_types")
  private String allowedSanTypes;

  @Column(name = "allow_csr_extensions")
  private boolean allowCsrExtensions;

  // SCEP and CT, used by their endpoints
  @Column(name = "scep_enabled")
  private boolean scepEnabled;

  @Column(name = "scep_static_passphrase")
  private boolean scepStaticPassphrase;

  @Column(name = "scep_intune")
  private boolean scepIntune;

  @Column(name = "scep_strip_root")
  private boolean scepStripRoot;

  @Column(name = "scep_ndes")
  private boolean scepNdes;

  @Column(name = "scep_ndes_basic_auth")
  private boolean scepNdesBasicAuth;

  @Column(name = "scep_ip_acl")
  private boolean scepIpAcl;

  @Column(name = "scep_ip_acl_list")
  private String scepIpAclList;

  @Column(name = "scep_approval")
  private boolean scepApproval;

  @Column(name = "scep_ip_acl_scope")
  private String scepIpAclScope;

  @Column(name = "scep_intune_tenant_id")
  private String scepIntuneTenantId;

  @Column(name = "scep_intune_client_id")
  private String scepIntuneClientId;

  @Column(name = "scep_intune_authority_url")
  private String scepIntuneAuthorityUrl;

  @Column(name = "scep_intune_graph_url")
  private String scepIntuneGraphUrl;

  @Column(name = "scep_intune_timeout_ms")
  private Integer scepIntuneTimeoutMillis;

  @Column(name = "est_enabled")
  private boolean estEnabled;

  @Column(name = "est_label")
  private String estLabel;

  @Column(name = "est_approval")
  private boolean estApproval;

  @Column(name = "est_client_certificate")
  private boolean estClientCertificate;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "template_ct_log", joinColumns = @JoinColumn(name = "template_id"))
  @OrderColumn(name = "position")
  private List<TemplateCtLog> ctLogs = new ArrayList<>();

  @Column(name = "scts_required")
  private Integer sctsRequired;

  protected CertificateTemplate() {
    // JPA
  }

  /** A new template with validated settings. */
  public CertificateTemplate(String caId, StarterTemplate starter, TemplateSettings settings) {
    this.id = RowIds.next();
    this.caId = Objects.requireNonNull(caId);
    this.starter = Objects.requireNonNull(starter);
    this.createdAt = Instant.now();
    apply(settings);
  }

  /** Moves to the CA that succeeds its own in a rollover: its URLs and settings stay. */
  public void moveTo(String successorCaId) {
    this.caId = Objects.requireNonNull(successorCaId);
  }

  /** Replaces every option; the settings must have been validated. */
  public final void apply(TemplateSettings settings) {
    name = settings.name();
    General general = settings.general();
    enabled = general.enabled();
    allowPublicRequests = general.allowPublicRequests();
    renewalAllowed = general.renewalAllowed();
    renewalAutoRevoke = general.renewalAutoRevoke();
    renewalWindowDays = general.renewalWindowDays();
    renewalCopySubject = general.renewalCopySubject();
    signatureAlgorithm = general.signatureAlgorithm();
    validityDays = general.validityDays();
    description = general.description();
    Subject subject = settings.subject();
    subjectFromCsr = subject.suppliedByCsr();
    subjectOrganization = subject.organization();
    subjectOrganizationalUnit = subject.organizationalUnit();
    subjectLocality = subject.locality();
    subjectState = subject.state();
    subjectCountry = subject.country();
    Usage usage = settings.keyUsage();
    keyUsage = String.join(",", usage.keyUsage());
    extendedKeyUsage = String.join(",", usage.extendedKeyUsage());
    extendedKeyUsageCritical = usage.extendedKeyUsageCritical();
    ocspNoCheck = usage.ocspNoCheck();
    ca = settings.basicConstraints().ca();
    pathLength = settings.basicConstraints().pathLength();
    Distribution distribution = settings.distribution();
    includeAia = distribution.includeAia();
    caIssuersUrl = distribution.caIssuersUrl();
    includeOcsp = distribution.includeOcsp();
    includeCrl = distribution.includeCrl();
    includeFreshestCrl = distribution.includeFreshestCrl();
    includePolicies = distribution.includePolicies();
    policyOid = distribution.policyOid();
    Requests requests = settings.requests();
    allowedKeyTypes = String.join(",", requests.allowedKeyTypes());
    minimumRsaBits = requests.minimumRsaBits();
    allowedSanTypes =
        String.join(",", requests.allowedSanTypes().stream().map(Enum::name).toList());
    allowCsrExtensions = requests.allowCsrExtensions();
    Scep scep = settings.scep();
    scepEnabled = scep.enabled();
    scepStaticPassphrase = scep.staticPassphrase();
    scepIntune = scep.intune();
    scepStripRoot = scep.stripRoot();
    scepNdes = scep.ndes();
    scepNdesBasicAuth = scep.ndesBasicAuth();
    scepIpAcl = scep.ipAcl();
    scepIpAclList = scep.ipAclList();
    scepApproval = scep.approval();
    scepIpAclScope = scep.ipAclScope();
    Scep.Intune intune = scep.intuneConnection();
    scepIntuneTenantId = intune == null ? null : intune.tenantId();
    scepIntuneClientId = intune == null ? null : intune.clientId();
    scepIntuneAuthorityUrl = intune == null ? null : intune.authorityUrl();
    scepIntuneGraphUrl = intune == null ? null : intune.graphUrl();
    scepIntuneTimeoutMillis = intune == null ? null : intune.timeoutMillis();

    Est est = settings.est();
    estEnabled = est.enabled();
    estLabel = est.label();
    estApproval = est.approval();
    estClientCertificate = est.clientCertificate();
    CertificateTransparency ct = settings.certificateTransparency();
    ctLogs.clear();
    ct.logs().forEach(log -> ctLogs.add(new TemplateCtLog(log)));
    sctsRequired = ct.sctsRequired();
  }

  public TemplateSettings settings() {
    return new TemplateSettings(
        name,
        new General(
            enabled,
            allowPublicRequests,
            renewalAllowed,
            renewalAutoRevoke,
            renewalWindowDays,
            renewalCopySubject,
            signatureAlgorithm,
            validityDays,
            description),
        new Subject(
            subjectFromCsr,
            subjectOrganization,
            subjectOrganizationalUnit,
            subjectLocality,
            subjectState,
            subjectCountry),
        new Usage(split(keyUsage), split(extendedKeyUsage), extendedKeyUsageCritical, ocspNoCheck),
        new Constraints(ca, pathLength),
        new Distribution(
            includeAia,
            caIssuersUrl,
            includeOcsp,
            includeCrl,
            includeFreshestCrl,
            includePolicies,
            policyOid),
        new Requests(
            split(allowedKeyTypes),
            minimumRsaBits,
            split(allowedSanTypes).stream().map(SanType::valueOf).toList(),
            allowCsrExtensions),
        new Scep(
            scepEnabled,
            scepStaticPassphrase,
            scepIntune,
            scepStripRoot,
            scepNdes,
            scepNdesBasicAuth,
            scepIpAcl,
            scepIpAclList,
            scepApproval,
            scepIpAclScope == null ? "BOTH" : scepIpAclScope,
            scepIntuneTenantId == null
                ? null
                : new Scep.Intune(
                    scepIntuneTenantId,
                    scepIntuneClientId,
                    scepIntuneAuthorityUrl,
                    scepIntuneGraphUrl,
                    scepIntuneTimeoutMillis)),
        new CertificateTransparency(
            ctLogs.stream().map(TemplateCtLog::settings).toList(), sctsRequired),
        new Est(estEnabled, estLabel, estApproval, estClientCertificate));
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }

  @Override
  public String id() {
    return id;
  }

  public String caId() {
    return caId;
  }

  public String name() {
    return name;
  }

  public StarterTemplate starter() {
    return starter;
  }

  public String description() {
    return description;
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
