package org.pkiaas.api.ca;

import jakarta.validation.constraints.Size;
import org.pkiaas.input.PlainText;

/**
 * The signed certificate of a CSR-only CA, and optionally its issuers up to the root; with {@code
 * fetchIssuers} true, issuers missing from both are fetched through the certificate's AIA caIssuers
 * URLs (off unless asked for).
 */
public record CertificateImportRequest(
    @Size(max = 65_536, message = "A PEM certificate has at most {max} characters")
        @PlainText(multiline = true)
        String certificatePem,
    @Size(max = 524_288, message = "A PEM chain has at most {max} characters")
        @PlainText(multiline = true)
        String chainPem,
    Boolean fetchIssuers) {}
