package org.pkiaas.problem;

/**
 * Marks an exception that ends only the first run of an action that is run again at once (the
 * Certificate Transparency step of issuance): not an outcome, so the audit log records nothing for
 * it and waits for the run that decides.
 */
public interface Unfinished {}
