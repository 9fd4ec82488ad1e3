package org.pkiaas.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.pkiaas.identity.Caller;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.problem.UnauthenticatedException;
import org.pkiaas.tenant.boundary.Accounts;
import org.pkiaas.tenant.boundary.ApiSignIns;

/**
 * Authenticates every API request but those marked {@link Public}: HTTP Basic (RFC 7617) against
 * the local accounts, or {@code Authorization: Bearer} (RFC 6750) with a personal API token.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Authenticator implements ContainerRequestFilter {

  private static final String BASIC = "Basic ";
  private static final String BEARER = "Bearer ";

  @Context ResourceInfo resourceInfo;

  @Context HttpServletRequest servletRequest;

  @Inject RequestCaller requestCaller;

  @Inject ApiSignIns signIns;

  @Override
  public void filter(ContainerRequestContext request) {
    if (resourceInfo.getResourceMethod() != null
        && resourceInfo.getResourceMethod().isAnnotationPresent(Public.class)) {
      return;
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null) {
      throw new UnauthenticatedException(
          "Sign in with HTTP Basic or an API token (Authorization: Bearer)");
    }
    Accounts.SignIn signIn = authenticate(authorization.trim());
    Caller caller = signIn.caller();
    var method = resourceInfo.getResourceMethod();
    boolean passwordChange =
        method != null && method.isAnnotationPresent(AllowedBeforePasswordChange.class);
    if (!passwordChange && signIn.mustChangePassword()) {
      throw new ForbiddenException(
          "The generated password must be changed first: PUT /api/v1/accounts/me/password");
    }
    requestCaller.set(caller);
  }

  private Accounts.SignIn authenticate(String authorization) {
    if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return signIns.bearer(authorization.substring(BEARER.length()).trim());
    }
    if (authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new UnauthenticatedException("The Basic credentials are not valid base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new UnauthenticatedException("The Basic credentials must be username:password");
      }
      return signIns.basic(
          decoded.substring(0, colon),
          decoded.substring(colon + 1),
          servletRequest.getRemoteAddr());
    }
    throw new UnauthenticatedException("Use the Basic or Bearer authorization scheme");
  }
}
