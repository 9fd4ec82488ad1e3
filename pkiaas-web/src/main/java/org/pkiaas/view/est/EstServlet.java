package org.pkiaas.view.est;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pkiaas.est.boundary.EstFailure;
import org.pkiaas.est.boundary.EstService;
import org.pkiaas.problem.PlainText;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.view.BasicCredentials;

/**
 * The EST URLs (RFC 7030 §3.2.2): {@code /.well-known/est/{label}/{operation}}, {@code
 * /.well-known/est/{operation}} for the default label an administrator chose, and {@code
 * /est/{label}/.well-known/est/{operation}} for clients that append the well-known path to a base
 * URL they are given (strongSwan's pki). It lives in the console's module because only that one is
 * deployed at the root. HTTP only: methods, media types, the Basic header, the TLS client
 * certificate, statuses and Retry-After; {@link EstService} decides. The HTTPS listener requests a
 * client certificate without requiring one and lets any through the handshake
 * (wildfly-config/cli/https.cli); the servlet container hands it over as the request attribute
 * {@value #CLIENT_CERTIFICATES}, and {@link EstService} checks it against the CA's own records (RFC
 * 7030 §3.3.2). The tls-unique value of the connection (§3.5) is not passed: WildFly's TLS layer
 * (JSSE) does not expose the Finished message it comes from, and TLS 1.3 has none, so a CSR that
 * carries one is refused as unverifiable. Errors are a status with a plain-text reason (§4.2.3).
 */
@WebServlet(urlPatterns = {"/.well-known/est/*", "/est/*"})
public class EstServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** Where the servlet container puts the client's certificate chain (Servlet 6.0 §3.10). */
  static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  static final Pattern WELL_KNOWN = Pattern.compile("/(?:([^/]+)/)?([a-z]+)");
  static final Pattern BASE_URL = Pattern.compile("/([^/]+)/\\.well-known/est/([a-z]+)");

  @Inject transient EstService est;

  /** The label and operation a request names, or null when its path is not an EST URL. */
  record Target(String label, String operation) {

    static Target of(String servletPath, String pathInfo) {
      Matcher path =
          (servletPath.equals("/est") ? BASE_URL : WELL_KNOWN)
              .matcher(pathInfo == null ? "" : pathInfo);
      return path.matches() ? new Target(path.group(1), path.group(2)) : null;
    }
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(request, response, "GET");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    answer(request, response, "POST");
  }

  private void answer(HttpServletRequest request, HttpServletResponse response, String method)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
    Target target = Target.of(request.getServletPath(), request.getPathInfo());
    if (target == null) {
      PlainText.answer(response, 404, "There is no EST service here");
      return;
    }
    String address = request.getRemoteAddr();
    try {
      switch (method + " " + target.operation()) {
        case "GET cacerts" ->
            body(
                response,
                EstService.CACERTS_MEDIA_TYPE,
                est.caCertificates(target.label(), address));
        case "GET csrattrs" ->
            body(
                response,
                EstService.CSRATTRS_MEDIA_TYPE,
                est.csrAttributes(target.label(), address));
        case "POST simpleenroll", "POST simplereenroll" -> enroll(request, response, target);
        case "GET simpleenroll", "GET simplereenroll", "POST cacerts", "POST csrattrs" -> {
          response.setHeader("Allow", target.operation().startsWith("simple") ? "POST" : "GET");
          PlainText.answer(
              response, 405, "Use " + response.getHeader("Allow") + " for this operation");
        }
        case "GET fullcmc", "POST fullcmc", "GET serverkeygen", "POST serverkeygen" ->
            PlainText.answer(response, 501, "This EST server does not offer " + target.operation());
        default ->
            PlainText.answer(
                response, 404, "There is no EST operation '" + target.operation() + "'");
      }
    } catch (EstFailure failure) {
      if (failure.status() == EstFailure.Status.UNAUTHORIZED) {
        response.setHeader(
            "WWW-Authenticate",
            "Basic realm=\"EST "
                + (target.label() == null ? "" : target.label())
                + "\", charset=\"UTF-8\"");
      }
      PlainText.answer(response, failure.status().code(), failure.getMessage());
    } catch (ThrottledException e) {
      response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
      PlainText.answer(response, 429, e.getMessage());
    }
  }

  private void enroll(HttpServletRequest request, HttpServletResponse response, Target target)
      throws IOException {
    String type = request.getContentType();
    if (type != null && !type.toLowerCase().startsWith("application/pkcs10")) {
      PlainText.answer(response, 415, "Send the CSR as application/pkcs10 (RFC 7030 §4.2.1)");
      return;
    }
    BasicCredentials basic = BasicCredentials.of(request.getHeader("Authorization"));
    EstService.Credentials credentials =
        basic == null ? null : new EstService.Credentials(basic.username(), basic.password());
    byte[] body = request.getInputStream().readAllBytes();
    EstService.Tls tls = new EstService.Tls(clientCertificate(request), null);
    EstService.Enrolled enrolled =
        target.operation().equals("simplereenroll")
            ? est.reenroll(target.label(), credentials, tls, body, request.getRemoteAddr())
            : est.enroll(target.label(), credentials, tls, body, request.getRemoteAddr());
    if (enrolled.pending()) {
      response.setHeader("Retry-After", String.valueOf(EstService.RETRY_AFTER_SECONDS));
      PlainText.answer(
          response, 202, "The request waits for an administrator; send it again later");
      return;
    }
    body(response, EstService.ENROLL_MEDIA_TYPE, enrolled.body());
  }

  /**
   * The DER of the client's TLS certificate (the first of its chain), or null when it sent none.
   */
  static byte[] clientCertificate(HttpServletRequest request) {
    if (request.getAttribute(CLIENT_CERTIFICATES) instanceof X509Certificate[] chain
        && chain.length > 0) {
      try {
        return chain[0].getEncoded();
      } catch (CertificateEncodingException e) {
        return null;
      }
    }
    return null;
  }

  /** A base64 body, as every EST answer is (RFC 7030 §4, RFC 8951 §3.2). */
  private static void body(HttpServletResponse response, String type, byte[] base64)
      throws IOException {
    response.setContentType(type);
    response.setHeader("Content-Transfer-Encoding", "base64");
    response.setContentLength(base64.length);
    response.getOutputStream().write(base64);
  }
}
