package org.pkiaas.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.pkiaas.tenant.boundary.RateLimit;

/**
 * A {@link Public} method whose calls count against the configured limit of their kind, per client
 * address.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

  RateLimit.Kind value();
}
