package org.pkiaas.ca.boundary;

import java.util.List;

/**
 * What a new CA is made of: the body of {@code POST /api/v1/cas} and of the console's Create CA
 * form. Every field but {@code subject.commonName} has a default.
 *
 * @param keyType RSA, EC, ED25519, ML_DSA or SLH_DSA; derived from the key when one is imported
 * @param csrOnly an intermediate: create the key and a CSR, and wait for the signed certificate
 * @param privateKeyPem an existing key to import (PKCS#8, PKCS#1 or SEC1; may be encrypted)
 */
public record NewCertificateAuthority(String name, CaSubject subject, String keyType, Integer keySize, String curve,
        String parameterSet, String signatureAlgorithm, Integer validityDays, Integer pathLength, List<String> keyUsage,
        List<String> extendedKeyUsage, Boolean csrOnly, String privateKeyPem, String privateKeyPassword) {

    @Override
    public String toString() {
        // Never print the imported key or its password.
        return "NewCertificateAuthority[name=" + name + ", keyType=" + keyType + ", csrOnly=" + csrOnly + "]";
    }
}
