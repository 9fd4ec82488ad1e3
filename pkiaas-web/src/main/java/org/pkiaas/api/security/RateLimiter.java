package org.pkiaas.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.pkiaas.tenant.boundary.AnonymousRateLimits;

/**
 * Counts calls of {@link RateLimited} methods per client address and refuses those over the limit
 * (429 with {@code Retry-After}) before the body is read.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimiter implements ContainerRequestFilter {

  @Context ResourceInfo resourceInfo;

  @Context HttpServletRequest servletRequest;

  @Inject AnonymousRateLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    var method = resourceInfo.getResourceMethod();
    RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
    if (limited != null) {
      limits.admit(limited.value(), servletRequest.getRemoteAddr());
    }
  }
}
