package org.pkiaas.ca.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pkiaas.audit.entity.AuditedAs;
import org.pkiaas.audit.entity.Identified;
import org.pkiaas.problem.ConflictException;
import org.pkiaas.rowid.RowIds;
import org.pkiaas.signing.KeyReference;
import org.pkiaas.signing.KeySpec;
import org.pkiaas.x509.KeyUsages;

/**
 * A certificate authority: its key (wrapped), its certificate once it has one, and the settings its
 * services use. Belongs to exactly one owner account.
 *
 * <p>Longer than 300 lines because the CA row carries its key reference, certificate chain, status
 * lifecycle (awaiting its certificate, next, active, retired, deleted) and per-CA service settings,
 * with their named queries and accessors; the decisions about them live in the {@code ca} boundary.
 *
 * <p>A rollover makes a successor: a row of its own naming its predecessor, so that the old
 * generation keeps its key, its issued certificates, its CRL and its OCSP responder (as a retired
 * CA does) while the new one gets its own, with no per-generation tables.
 */
@Entity
@EntityListeners(IssuingSettingsListener.class)
@AuditedAs("CA")
@Table(name = "certificate_authority")
@NamedQuery(
    name = "CertificateAuthority.activeIds",
    query =
        "SELECT c.id FROM CertificateAuthority c"
            + " WHERE c.status IN (org.pkiaas.ca.entity.CaStatus.ACTIVE, org.pkiaas.ca.entity.CaStatus.RETIRED) ORDER BY c.id")
@NamedQuery(
    name = "CertificateAuthority.byOwner",
    query =
        "SELECT c FROM CertificateAuthority c WHERE c.ownerId = :ownerId"
            + " AND c.status <> org.pkiaas.ca.entity.CaStatus.DELETED ORDER BY c.createdAt, c.id")
@NamedQuery(
    name = "CertificateAuthority.versions",
    query = "SELECT c.id, c.version FROM CertificateAuthority c WHERE c.id IN :ids")
@NamedQuery(
    name = "CertificateAuthority.pendingSuccessors",
    query =
        "SELECT c FROM CertificateAuthority c WHERE c.predecessorId = :predecessorId"
            + " AND c.status IN (org.pkiaas.ca.entity.CaStatus.AWAITING_CERTIFICATE,"
            + " org.pkiaas.ca.entity.CaStatus.NEXT)")
public class CertificateAuthority implements Identified {

  @Id private String id;

  @Column(name = "owner_id", nullable = false)
  private String ownerId;

  @Column(nullable = false)
  private String name;

  @Column(name = "subject_dn", nullable = false)
  private String subjectDn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "key_backend", nullable = false)
  private KeyBackend keyBackend;

  @Column(name = "key_algorithm", nullable = false)
  private String keyAlgorithm;

  @Column(name = "key_spec", nullable = false)
  private String keySpec;

  @Column(name = "signature_algorithm", nullable = false)
  private String signatureAlgorithm;

  @Column(name = "validity_days", nullable = false)
  private int validityDays;

  @Column(name = "path_length")
  private Integer pathLength;

  @Column(name = "key_usage", nullable = false)
  private String keyUsage;

  @Column(name = "extended_key_usage", nullable = false)
  private String extendedKeyUsage;

  @Lob
  @Column(name = "wrapped_private_key", nullable = false)
  private byte[] wrappedPrivateKey;

  @Lob
  @Column(name = "public_key", nullable = false)
  private byte[] publicKey;

  @Lob @Column private byte[] certificate;

  @Lob
  @Column(name = "chain_pem")
  private String chainPem;

  @Lob @Column private byte[] csr;

  @Column(name = "serial_number")
  private String serialNumber;

  @Column(name = "not_before")
  private Instant notBefore;

  @Column(name = "not_after")
  private Instant notAfter;

  @Lob
  @Column(name = "cps_text")
  private String cpsText;

  @Column(name = "cps_url")
  private String cpsUrl;

  @Column(name = "service_key_algorithm", nullable = false)
  private String serviceKeyAlgorithm;

  @Column(name = "service_key_spec", nullable = false)
  private String serviceKeySpec;

  @Column(name = "service_signature_hash", nullable = false)
  private String serviceSignatureHash;

  @Column(name = "crl_validity_days", nullable = false)
  private int crlValidityDays;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Embedded private Timestamping timestamping;

  @Column(name = "predecessor_id")
  private String predecessorId;

  @Version private int version;

  /** A complete CRL's life, from thisUpdate to nextUpdate, unless the CA says otherwise. */
  public static final int DEFAULT_CRL_VALIDITY_DAYS = 7;

  protected CertificateAuthority() {
    // JPA
  }

  public CertificateAuthority(
      String ownerId,
      String name,
      String subjectDn,
      KeyBackend keyBackend,
      KeySpec keySpec,
      String signatureAlgorithm,
      int validityDays,
      Integer pathLength,
      List<String> keyUsage,
      List<String> extendedKeyUsage,
      byte[] publicKey) {
    this.id = RowIds.next();
    this.ownerId = Objects.requireNonNull(ownerId);
    this.name = Objects.requireNonNull(name);
    this.subjectDn = Objects.requireNonNull(subjectDn);
    this.status = CaStatus.AWAITING_CERTIFICATE;
    this.keyBackend = Objects.requireNonNull(keyBackend);
    this.keyAlgorithm = keySpec.algorithm().name();
    this.keySpec = keySpec.parameter();
    this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm);
    this.validityDays = validityDays;
    this.pathLength = pathLength;
    this.keyUsage = KeyUsages.join(keyUsage);
    this.extendedKeyUsage = KeyUsages.join(extendedKeyUsage);
    this.publicKey = Objects.requireNonNull(publicKey).clone();
    this.serviceKeyAlgorithm = "EC";
    this.serviceKeySpec = "P-256";
    this.serviceSignatureHash = "SHA256";
    this.crlValidityDays = DEFAULT_CRL_VALIDITY_DAYS;
    this.createdAt = Instant.now();
    this.timestamping = Timestamping.byDefault();
  }

  /**
   * The next generation of {@code predecessor}: the same owner, name, subject, extensions, validity
   * and service settings, with a new key of its own. It awaits its certificate until it gets one,
   * then stays {@link CaStatus#NEXT} until {@link #takeOver()}.
   */
  public static CertificateAuthority successorOf(
      CertificateAuthority predecessor,
      KeySpec keySpec,
      String signatureAlgorithm,
      int validityDays,
      byte[] publicKey) {
    CertificateAuthority next =
        new CertificateAuthority(
            predecessor.ownerId,
            predecessor.name,
            predecessor.subjectDn,
            KeyBackend.MANAGED,
            keySpec,
            signatureAlgorithm,
            validityDays,
            predecessor.pathLength,
            predecessor.keyUsage(),
            predecessor.extendedKeyUsage(),
            publicKey);
    next.predecessorId = predecessor.id;
    next.cpsText = predecessor.cpsText;
    next.cpsUrl = predecessor.cpsUrl;
    next.serviceKeyAlgorithm = predecessor.serviceKeyAlgorithm;
    next.serviceKeySpec = predecessor.serviceKeySpec;
    next.serviceSignatureHash = predecessor.serviceSignatureHash;
    next.crlValidityDays = predecessor.crlValidityDays;
    Timestamping tsa = predecessor.timestamping();
    next.timestamping =
        new Timestamping(tsa.enabled(), tsa.defaultPolicy(), tsa.acceptedPolicies());
    return next;
  }

  /** Its key, for {@code CaSigners}: wrapped here, or on an IoT-HSM device. */
  public KeyReference signingKey() {
    if (keyBackend == KeyBackend.HSM) {
      return KeyReference.device(id, publicKey, signatureAlgorithm);
    }
    return new KeyReference(
        id, wrappedPrivateKey, wrappingContext(), publicKey, signatureAlgorithm);
  }

  /** The additional data this CA's key is wrapped with: the key decrypts only for this CA. */
  public String wrappingContext() {
    return "ca:" + id;
  }

  public void storeWrappedKey(byte[] wrapped) {
    this.wrappedPrivateKey = Objects.requireNonNull(wrapped).clone();
  }

  /**
   * Binds a CA created for an IoT-HSM key to the key on the device, as the certificate the device
   * signed (or had signed) names it: until then the CA holds only its provisioning template's key.
   * Nothing of the private key is stored.
   */
  public void bindDeviceKey(byte[] subjectPublicKeyInfo, KeySpec deviceKeySpec) {
    if (keyBackend != KeyBackend.HSM || status != CaStatus.AWAITING_CERTIFICATE) {
      throw new ConflictException("Only an HSM CA awaiting its certificate takes a device key");
    }
    this.publicKey = Objects.requireNonNull(subjectPublicKeyInfo).clone();
    this.keyAlgorithm = deviceKeySpec.algorithm().name();
    this.keySpec = deviceKeySpec.parameter();
  }

  public void awaitCertificate(byte[] csrDer) {
    this.csr = Objects.requireNonNull(csrDer).clone();
    this.status = CaStatus.AWAITING_CERTIFICATE;
  }

  /** Takes the CA's own certificate and becomes able to sign. */
  public void activate(
      String subjectDn,
      byte[] certificateDer,
      String chainPem,
      String serialNumber,
      Instant notBefore,
      Instant notAfter) {
    this.subjectDn = Objects.requireNonNull(subjectDn);
    this.certificate = Objects.requireNonNull(certificateDer).clone();
    this.chainPem = chainPem;
    this.serialNumber = Objects.requireNonNull(serialNumber);
    this.notBefore = Objects.requireNonNull(notBefore);
    this.notAfter = Objects.requireNonNull(notAfter);
    // an imported certificate may differ from the validity asked for at creation: the certificate
    // is what counts
    this.validityDays = (int) Math.max(1, java.time.Duration.between(notBefore, notAfter).toDays());
    // a successor waits for its owner to make it the issuing CA
    this.status = predecessorId == null ? CaStatus.ACTIVE : CaStatus.NEXT;
  }

  /** A successor with its certificate becomes the issuing CA. */
  public void takeOver() {
    if (status != CaStatus.NEXT) {
      throw new ConflictException(
          status == CaStatus.AWAITING_CERTIFICATE
              ? "The successor has no certificate yet: import its signed certificate first"
              : "Only a successor with its certificate can be activated");
    }
    this.status = CaStatus.ACTIVE;
  }

  /** Stops issuing for good; its CRL and OCSP keep answering. */
  public void retire() {
    if (status != CaStatus.ACTIVE && status != CaStatus.RETIRED) {
      throw new ConflictException(
          "Only a CA with a certificate can be retired; delete one that awaits its certificate");
    }
    this.status = CaStatus.RETIRED;
  }

  /** Gone for its owner and every service; issuance records keep referring to the row. */
  public void markDeleted() {
    this.status = CaStatus.DELETED;
  }

  /** Refuses issuance on every channel unless this CA is active. */
  public void requireIssuing() {
    switch (status) {
      case ACTIVE -> {
        return;
      }
      case RETIRED ->
          throw new ConflictException(
              "The CA '" + name + "' is retired and issues no more certificates");
      case AWAITING_CERTIFICATE ->
          throw new ConflictException(
              "The CA has no certificate yet: import its signed certificate first");
      case NEXT ->
          throw new ConflictException(
              "The CA '" + name + "' is a successor: it issues once its owner activates it");
      default -> throw new ConflictException("The CA '" + name + "' was deleted");
    }
  }

  public void changeCps(String text, String url) {
    this.cpsText = text;
    this.cpsUrl = url;
  }

  public void changeServiceCertificates(KeySpec keySpec, String hash) {
    this.serviceKeyAlgorithm = keySpec.algorithm().name();
    this.serviceKeySpec = keySpec.parameter();
    this.serviceSignatureHash = Objects.requireNonNull(hash);
  }

  public void changeCrlValidity(int days) {
    this.crlValidityDays = days;
  }

  public void changeTimestamping(Timestamping timestamping) {
    this.timestamping = Objects.requireNonNull(timestamping);
  }

  /** Whether and under which policies its time-stamp authority answers. */
  public Timestamping timestamping() {
    return timestamping == null ? Timestamping.byDefault() : timestamping;
  }

  /** Moves with every change of the row: a node's caches compare it to notice another's change. */
  public int version() {
    return version;
  }

  /** How long each complete CRL of this CA is valid (RFC 5280 §5.1.2.5). */
  public int crlValidityDays() {
    return crlValidityDays;
  }

  public boolean ownedBy(String accountId) {
    return ownerId.equals(accountId);
  }

  /** Whether the account may see this CA: it owns it, and the CA is not deleted. */
  public boolean visibleTo(String accountId) {
    return ownedBy(accountId) && status != CaStatus.DELETED;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String ownerId() {
    return ownerId;
  }

  public String name() {
    return name;
  }

  public String subjectDn() {
    return subjectDn;
  }

  public CaStatus status() {
    return status;
  }

  public KeyBackend keyBackend() {
    return keyBackend;
  }

  public KeySpec keySpec() {
    return KeySpec.of(keyAlgorithm, keySpec);
  }

  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  public int validityDays() {
    return validityDays;
  }

  public Integer pathLength() {
    return pathLength;
  }

  public List<String> keyUsage() {
    return KeyUsages.split(keyUsage);
  }

  public List<String> extendedKeyUsage() {
    return KeyUsages.split(extendedKeyUsage);
  }

  public byte[] wrappedPrivateKey() {
    return wrappedPrivateKey.clone();
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The CA's DER certificate, or {@code null} while it awaits one. */
  public byte[] certificate() {
    return certificate == null ? null : certificate.clone();
  }

  /** The issuers above this CA (PEM, nearest first); empty for a root. */
  public String chainPem() {
    return chainPem;
  }

  /**
   * The CA's certificate followed by its issuers up to the root (PEM): what a relying party needs
   * above a leaf.
   */
  public String certificateChainPem() {
    if (certificate == null) {
      throw new IllegalStateException("The CA " + id + " has no certificate yet");
    }
    return org.pkiaas.pem.Pem.certificate(certificate) + (chainPem == null ? "" : chainPem);
  }

  public byte[] csr() {
    return csr == null ? null : csr.clone();
  }

  public String serialNumber() {
    return serialNumber;
  }

  public Instant notBefore() {
    return notBefore;
  }

  public Instant notAfter() {
    return notAfter;
  }

  public String cpsText() {
    return cpsText;
  }

  public String cpsUrl() {
    return cpsUrl;
  }

  public KeySpec serviceKeySpec() {
    return KeySpec.of(serviceKeyAlgorithm, serviceKeySpec);
  }

  public String serviceSignatureHash() {
    return serviceSignatureHash;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The CA this one succeeds (a rollover's new generation), or null. */
  public String predecessorId() {
    return predecessorId;
  }
}
