package org.pkiaas.audit.entity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the object type under which the audit log records actions on this entity (such as {@code
 * "CERTIFICATE"}). The audit log finds the entity by that name when an action names an object only
 * by its id, so that it can scope the event to the object's CA without knowing the component that
 * owns the entity.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AuditedAs {

  /** The object type, as in {@code Audited.objectType}. */
  String value();
}
