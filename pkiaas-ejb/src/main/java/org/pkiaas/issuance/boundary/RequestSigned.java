package org.pkiaas.issuance.boundary;

import org.pkiaas.certificate.entity.IssuedCertificate;

/**
 * Fired inside the issuing transaction when an administrator signs a queued request whose requester
 * left an address (user guide 2.5): the one issuance that mails its certificate. Other issuances
 * hand the certificate to whoever asked, in their answer, and fire only {@link CertificateIssued}.
 *
 * @param requesterEmail where the certificate goes; never null
 */
public record RequestSigned(IssuedCertificate certificate, String requesterEmail) {}
