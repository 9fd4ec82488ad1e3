package org.pkiaas.acme.control;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.pkiaas.acme.boundary.AcmeError;
import org.pkiaas.acme.boundary.AcmeProblem;
import org.pkiaas.certificate.control.SubjectAltNames;
import org.pkiaas.issuance.control.CertificateProfile;
import org.pkiaas.template.entity.SanType;

/**
 * The finalize check of RFC 8555 §7.4: the CSR asks for exactly the order's identifiers, no more
 * and no fewer; a common name, if any, must be one of them.
 */
public final class CsrIdentifiers {

    private CsrIdentifiers() {
    }

    /** @param ordered the order's DNS names, canonical */
    public static void requireMatch(CertificateProfile.Request request, Set<String> ordered) {
        Set<String> asked = new TreeSet<>();
        for (SubjectAltNames.Name name : request.subjectAltNames()) {
            if (name.type() != SanType.DNS) {
                throw new AcmeProblem(AcmeError.BAD_CSR, "The CSR asks for a " + name.type() + " name; the order has DNS names only");
            }
            asked.add(name.value().toLowerCase(Locale.ROOT));
        }
        for (RDN rdn : request.subject().getRDNs(BCStyle.CN)) {
            String commonName = IETFUtils.valueToString(rdn.getFirst().getValue()).toLowerCase(Locale.ROOT);
            if (!ordered.contains(commonName)) {
                throw new AcmeProblem(AcmeError.BAD_CSR, "The CSR's common name '" + commonName + "' is none of the order's identifiers");
            }
            asked.add(commonName);
        }
        if (!asked.equals(new TreeSet<>(ordered))) {
            throw new AcmeProblem(AcmeError.BAD_CSR, "The CSR asks for " + asked + " but the order is for " + new TreeSet<>(ordered));
        }
    }
}
