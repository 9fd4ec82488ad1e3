package org.pkiaas.ocsp.control;

import java.time.Instant;
import org.pkiaas.certificate.entity.CertificateStatus;
import org.pkiaas.certificate.entity.RevocationReason;

/** What the database says of one serial number that the CA issued. */
public record KnownStatus(CertificateStatus status, Instant revokedAt, RevocationReason reason) {}
