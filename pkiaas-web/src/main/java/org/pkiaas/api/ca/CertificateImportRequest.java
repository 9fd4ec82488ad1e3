package org.pkiaas.api.ca;

/** The signed certificate of a CSR-only CA, and optionally its issuers up to the root. */
public record CertificateImportRequest(String certificatePem, String chainPem) {
}
