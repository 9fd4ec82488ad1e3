package org.pkiaas.view;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.pkiaas.config.PkiaasConfig;

/**
 * Sends the console, the API and the claim and request pages to HTTPS: a request that came over
 * plain HTTP is answered {@code 308 Permanent Redirect} (RFC 9110 §15.4.9: method and body are
 * kept) to the same path and query under the public URL, when that is an {@code https} URL. The CPS
 * pages stay on HTTP, where certificates point to them with the CA certificates, CRLs and OCSP
 * (those are served by the protocols module, which never redirects). {@code
 * pkiaas.https.redirect=false} turns it off, for a proxy that ends TLS without telling WildFly
 * ({@code X-Forwarded-Proto}).
 */
public class HttpsRedirect extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient PkiaasConfig config;

  private final boolean enabled =
      ConfigProvider.getConfig()
          .getOptionalValue("pkiaas.https.redirect", Boolean.class)
          .orElse(true);

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String base = config.publicUrl();
    String path = request.getRequestURI();
    if (!enabled
        || request.isSecure()
        || !base.startsWith("https://")
        || path.startsWith("/cps/")
        || path.startsWith("/resources/cps/")) {
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString();
    response.setStatus(308);
    response.setHeader("Location", base + path + (query == null ? "" : "?" + query));
    response.setContentLength(0);
  }
}
