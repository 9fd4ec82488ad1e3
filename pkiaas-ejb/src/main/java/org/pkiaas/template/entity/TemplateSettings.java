package org.pkiaas.template.entity;

import java.util.List;

/**
 * Everything a certificate template decides, grouped as the console's tabs are (user guide 4.3.1).
 * It is the body of {@code PUT /api/v1/templates/{id}}, what {@code GET} answers, and the input of
 * the certificate profile.
 */
public record TemplateSettings(String name, General general, Subject subject, Usage keyUsage,
        Constraints basicConstraints, Distribution distribution, Requests requests, Scep scep, List<String> ctLogUrls) {

    /**
     * @param renewalWindowDays renewal is allowed only this many days or fewer before expiry
     * @param signatureAlgorithm null: the CA's own
     */
    public record General(boolean enabled, boolean allowPublicRequests, boolean renewalAllowed, boolean renewalAutoRevoke,
            int renewalWindowDays, boolean renewalCopySubject, String signatureAlgorithm, int validityDays,
            String description) {
    }

    /**
     * @param suppliedByCsr true: the CSR's subject is used as it is; false: each non-null default
     *     below replaces (or adds) that attribute, the common name still coming from the request
     */
    public record Subject(boolean suppliedByCsr, String organization, String organizationalUnit, String locality,
            String state, String country) {
    }

    /** Key usages and extended key usages (names, or dotted OIDs for custom purposes). */
    public record Usage(List<String> keyUsage, List<String> extendedKeyUsage, boolean extendedKeyUsageCritical,
            boolean ocspNoCheck) {
    }

    /** @param pathLength for CA certificates; null = unlimited */
    public record Constraints(boolean ca, Integer pathLength) {
    }

    /**
     * @param caIssuersUrl null: the CA certificate URL under the public base URL
     * @param policyOid the certificate policy written when {@code includePolicies}
     */
    public record Distribution(boolean includeAia, String caIssuersUrl, boolean includeOcsp, boolean includeCrl,
            boolean includeFreshestCrl, boolean includePolicies, String policyOid) {
    }

    /** What a request may bring: key types and sizes, SAN types, its own extensions. */
    public record Requests(List<String> allowedKeyTypes, int minimumRsaBits, List<SanType> allowedSanTypes,
            boolean allowCsrExtensions) {
    }

    /** Stored now; used by the SCEP endpoints. */
    public record Scep(boolean enabled, boolean staticPassphrase, boolean intune, boolean stripRoot, boolean ndes,
            boolean ndesBasicAuth, boolean ipAcl, String ipAclList) {
    }
}
