package org.pkiaas.ca.boundary;

import org.pkiaas.ca.entity.CaStatus;
import org.pkiaas.ca.entity.CertificateAuthority;

/**
 * Where relying parties and clients reach a CA's services, all under the public base URL. Only
 * services that answer are listed: the time-stamp authority (RFC 3161 and Authenticode on one URL)
 * only while the CA is active and its owner has not turned timestamping off, so {@code
 * timestamping} is null otherwise.
 */
public record ServiceUrls(
    String caCertificate,
    String caChain,
    String crl,
    String ocsp,
    String timestamping,
    String cps) {

  public static ServiceUrls of(String publicUrl, CertificateAuthority ca) {
    String caId = ca.id();
    return new ServiceUrls(
        publicUrl + "/pki/ca/" + caId + ".crt",
        publicUrl + "/pki/ca/" + caId + ".pem",
        publicUrl + "/pki/crl/" + caId + ".crl",
        publicUrl + "/pki/ocsp/" + caId,
        ca.status() == CaStatus.ACTIVE && ca.timestamping().enabled()
            ? publicUrl + "/pki/tsa/" + caId
            : null,
        publicUrl + "/cps/" + caId);
  }
}
