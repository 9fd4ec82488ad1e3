package org.pkiaas.ca.boundary;

/**
 * The editable parts of a CA ({@code PATCH /api/v1/cas/{id}}, the console's Edit CA): its CPS, the
 * key type, size and hash of the certificates its services (OCSP, timestamping) sign with, and how
 * long its CRLs are valid. Absent fields stay as they are.
 */
public record CaChanges(String cpsText, String cpsUrl, String serviceKeyType, Integer serviceKeySize,
        String serviceCurve, String serviceSignatureHash, Integer crlValidityDays) {
}
