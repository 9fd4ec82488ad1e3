package org.pkiaas.view;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response of the web module. No page may be framed, and no page runs
 * inline script that the server did not vouch for:
 *
 * <ul>
 *   <li>the plain pages (claim, request, CPS) load ES modules only and get {@link #STATIC_POLICY};
 *   <li>Faces pages get their policy from PrimeFaces' CSP mode ({@code primefaces.CSP} and {@code
 *       primefaces.CSP_POLICY} in web.xml, which must stay equal to {@link #FACES_POLICY}):
 *       PrimeFaces adds a fresh nonce to the policy's script-src and to each script it renders, and
 *       turns inline event handlers into handlers registered by such a script. This filter sets no
 *       second policy on them, since a browser enforces every policy it gets and this one could not
 *       know the nonce.
 * </ul>
 *
 * Styles still need {@code 'unsafe-inline'} on Faces pages: PrimeFaces renders {@code style}
 * attributes (hidden dialogs and menus, widths) into its markup, and CSP has no nonce for
 * attributes.
 */
@WebFilter("/*")
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String COMMON =
      "default-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /**
   * What PrimeFaces sends with Faces pages, its nonce appended to the script-src that must come
   * last.
   */
  static final String FACES_POLICY =
      COMMON + "; style-src 'self' 'unsafe-inline'; script-src 'self'";

  static final String STATIC_POLICY = COMMON + "; script-src 'self'; style-src 'self'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI();
    if (!path.endsWith(".xhtml")) {
      response.setHeader("Content-Security-Policy", STATIC_POLICY);
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    if (path.endsWith(".xhtml")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
