package org.pkiaas.audit.entity;

/** Something an audited action created or changed, named in the audit log by its id. */
public interface Identified {

  String id();

  /** The CA it belongs to, whose owner's audit log shows the action; null when none. */
  default String caId() {
    return null;
  }

  /** The account whose audit log shows actions on it (a CA's owner); null when none. */
  default String ownerId() {
    return null;
  }
}
