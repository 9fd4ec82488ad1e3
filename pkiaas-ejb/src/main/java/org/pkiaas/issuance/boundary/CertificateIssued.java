package org.pkiaas.issuance.boundary;

import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.issuance.control.Channel;

/**
 * Fired inside the issuing transaction for every certificate issued (audit, mail, CT, metrics
 * observe it).
 *
 * @param channel where the request came from; null when not told
 * @param caOwnerId the account that owns the issuing CA (a CA's owner never changes): the audit
 *     event's tenant, told here so that no observer reads the CA again
 */
public record CertificateIssued(
    IssuedCertificate certificate, String issuedBy, Channel channel, String caOwnerId) {}
