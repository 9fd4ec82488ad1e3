package org.pkiaas.revocation.boundary;

import org.pkiaas.certificate.entity.IssuedCertificate;

/**
 * Fired in the revoking transaction when a certificate's status changes (revoked, held or
 * released).
 */
public record CertificateRevoked(IssuedCertificate certificate) {}
