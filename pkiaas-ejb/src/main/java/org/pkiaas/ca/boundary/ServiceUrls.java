package org.pkiaas.ca.boundary;

/**
 * Where relying parties and clients reach a CA's services, all under the public base URL. Only
 * services that answer are listed: a timestamping URL joins them with the time-stamp authority.
 */
public record ServiceUrls(
    String caCertificate, String caChain, String crl, String ocsp, String cps) {

  public static ServiceUrls of(String publicUrl, String caId) {
    return new ServiceUrls(
        publicUrl + "/pki/ca/" + caId + ".crt",
        publicUrl + "/pki/ca/" + caId + ".pem",
        publicUrl + "/pki/crl/" + caId + ".crl",
        publicUrl + "/pki/ocsp/" + caId,
        publicUrl + "/cps/" + caId);
  }
}
