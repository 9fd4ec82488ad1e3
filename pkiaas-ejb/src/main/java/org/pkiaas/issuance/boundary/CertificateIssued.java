package org.pkiaas.issuance.boundary;

import org.pkiaas.certificate.entity.IssuedCertificate;
import org.pkiaas.issuance.control.Channel;

/**
 * Fired inside the issuing transaction for every certificate issued (audit, mail, CT, metrics
 * observe it).
 *
 * @param channel where the request came from; null when not told
 */
public record CertificateIssued(IssuedCertificate certificate, String issuedBy, Channel channel) {

  public CertificateIssued(IssuedCertificate certificate, String issuedBy) {
    this(certificate, issuedBy, null);
  }
}
