package org.pkiaas.api.ca;

/**
 * The signed certificate of a CSR-only CA, and optionally its issuers up to the root; with
 * {@code fetchIssuers} true, issuers missing from both are fetched through the certificate's AIA
 * caIssuers URLs (off unless asked for).
 */
public record CertificateImportRequest(String certificatePem, String chainPem, Boolean fetchIssuers) {
}
