package org.pkiaas.certificate.entity;

/** Why a certificate exists: for a subscriber, or for one of the CA's own services. */
public enum CertificatePurpose {
    END_ENTITY,
    SUBORDINATE_CA,
    OCSP_RESPONDER,
    TIMESTAMPING
}
