package org.pkiaas.issuance.boundary;

import org.pkiaas.certificate.entity.IssuedCertificate;

/**
 * Fired inside the issuing transaction for every certificate issued (audit, mail, CT observe it).
 */
public record CertificateIssued(IssuedCertificate certificate, String issuedBy) {}
