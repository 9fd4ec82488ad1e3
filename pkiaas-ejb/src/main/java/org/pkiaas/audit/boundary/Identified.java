package org.pkiaas.audit.boundary;

/** Something an audited action created or changed, named in the audit log by its id. */
public interface Identified {

    String id();
}
