package org.pkiaas.acme.boundary;

import org.pkiaas.problem.PkiaasException;

/** A request the ACME server refuses, in RFC 8555's error language (§6.7). */
public class AcmeProblem extends PkiaasException {

    private static final long serialVersionUID = 1L;

    private final AcmeError error;

    public AcmeProblem(AcmeError error, String detail) {
        super(detail);
        this.error = error;
    }

    public AcmeError error() {
        return error;
    }
}
