package org.pkiaas.view.manage;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.pkiaas.ca.boundary.CertificateAuthorities;
import org.pkiaas.ca.entity.CertificateAuthority;
import org.pkiaas.tenant.boundary.Accounts;

/**
 * Guards every console page: the visitor must be signed in (otherwise the sign-in page, which comes
 * back here), and must own at least one CA (otherwise the create-CA page, user guide 2.2). It also
 * keeps the CA scope pointing at one of the user's own CAs (at sign-in, the one this browser chose
 * last: {@link RememberedCa}), ends a session whose account's password was changed since it signed
 * in, and holds a generated password's owner on the Change Password page until it is changed.
 */
@WebFilter("/manage/*")
public class ConsoleGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;
  static final String CREATE_CA = "/manage/cas/create.xhtml";
  static final String CHANGE_PASSWORD = "/manage/account/password.xhtml";

  @Inject ConsoleUser user;

  @Inject CertificateAuthorities cas;

  @Inject Accounts accounts;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!user.isSignedIn()) {
      String back = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      response.sendRedirect(
          request.getContextPath()
              + "/login.xhtml?next="
              + URLEncoder.encode(back, StandardCharsets.UTF_8));
      return;
    }
    if (accounts.credentialsVersion(user.caller().accountId()) != user.credentialsVersion()) {
      // The password was changed elsewhere (or the account disabled): this session has ended.
      request.getSession().invalidate();
      response.sendRedirect(request.getContextPath() + "/login.xhtml?signedOut=true");
      return;
    }
    if (user.mustChangePassword() && path.endsWith(".xhtml") && !path.equals(CHANGE_PASSWORD)) {
      response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
      return;
    }
    if (path.endsWith(".xhtml")) {
      List<CertificateAuthority> own = cas.list(user.caller());
      if (own.isEmpty() && !path.equals(CREATE_CA) && !path.equals(CHANGE_PASSWORD)) {
        response.sendRedirect(request.getContextPath() + CREATE_CA);
        return;
      }
      if (own.stream().noneMatch(ca -> ca.id().equals(user.getCaId()))) {
        // a new session: the CA this browser had chosen last, if it is still one of the user's
        String remembered = RememberedCa.recall(request).orElse(null);
        user.scopeTo(
            own.stream()
                .map(CertificateAuthority::id)
                .filter(id -> id.equals(remembered))
                .findFirst()
                .orElse(own.isEmpty() ? null : own.get(0).id()));
      }
      RememberedCa.remember(request, response, user.getCaId());
    }
    chain.doFilter(request, response);
  }
}
