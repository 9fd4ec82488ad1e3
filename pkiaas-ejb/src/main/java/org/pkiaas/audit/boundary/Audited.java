package org.pkiaas.audit.boundary;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.pkiaas.audit.entity.Identified;

/**
 * Marks a boundary method as an administrative action: {@link AuditInterceptor} records its
 * outcome, success or failure, in the audit log.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

  /** The action's name, such as {@code ca.create}. */
  @Nonbinding
  String value() default "";

  /** The kind of object acted on, such as {@code CA}. */
  @Nonbinding
  String objectType() default "";

  /**
   * The position of the argument that holds the id of the object acted on, or -1 when the object is
   * what the method returns ({@link Identified}). Never point at an argument holding a secret.
   */
  @Nonbinding
  int objectIdArgument() default -1;

  /**
   * The position of the argument that holds the id of the CA acted on, or -1. Needed where the
   * result does not name its CA ({@link Identified#caId()}) and for failures, which have no result.
   */
  @Nonbinding
  int caIdArgument() default -1;

  /**
   * False where the action's work records its own success in the same transaction, so a second
   * event would say the same thing: an issuance writes {@code certificate.issue} whatever the
   * channel. A failure is still recorded, under this action's name.
   */
  @Nonbinding
  boolean recordSuccess() default true;
}
