package org.pkiaas.view.ndes;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pkiaas.problem.ForbiddenException;
import org.pkiaas.problem.NotFoundException;
import org.pkiaas.problem.ThrottledException;
import org.pkiaas.scep.boundary.NdesChallenges;
import org.pkiaas.tenant.boundary.AnonymousRateLimits;
import org.pkiaas.tenant.boundary.RateLimit;
import org.pkiaas.view.BasicCredentials;
import org.pkiaas.view.manage.ConsoleUser;

/**
 * A template's Microsoft NDES compatible admin page (user guide 6.3): {@code
 * /ndes/{templateId}/certsrv/mscep_admin/}, the last part matched without regard to case as IIS
 * does. It speaks NDES's page format, which scripts and MDM connectors parse: UTF-16LE with a byte
 * order mark, "The enrollment challenge password is: &lt;B&gt; … &lt;/B&gt;", the cache-full and
 * no-permission pages. A console session of the template's owner, or HTTP Basic with the template's
 * NDES credentials, gets a password.
 */
@WebServlet(urlPatterns = "/ndes/*")
public class MscepAdminServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Pattern PATH =
      Pattern.compile("/([0-9a-fA-F-]{36})/certsrv/mscep_admin/?", Pattern.CASE_INSENSITIVE);

  @Inject transient NdesChallenges challenges;

  @Inject transient ConsoleUser consoleUser;

  @Inject transient AnonymousRateLimits limits;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
    response.setHeader("Cache-Control", "no-store");
    if (!path.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    BasicCredentials basic = BasicCredentials.of(request.getHeader("Authorization"));
    NdesChallenges.Page page;
    try {
      limits.admit(RateLimit.Kind.SCEP, request.getRemoteAddr());
      page =
          challenges.issue(
              path.group(1).toLowerCase(Locale.ROOT),
              consoleUser.isSignedIn() ? consoleUser.caller() : null,
              basic == null ? null : basic.username(),
              basic == null ? null : basic.password(),
              request.getRemoteAddr());
    } catch (ForbiddenException e) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    } catch (ThrottledException e) {
      response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
      response.sendError(429);
      return;
    }
    if (page instanceof NdesChallenges.NotAllowed refused && refused.basicOffered()) {
      if (basic == null) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"NDES\", charset=\"UTF-8\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
    }
    write(response, html(page));
  }

  /** The page, as NDES words it: these sentences are what its parsers look for. */
  static String html(NdesChallenges.Page page) {
    String body;
    if (page instanceof NdesChallenges.Password p) {
      body =
          "<P> The thumbprint (hash value) for the CA certificate is: <B> "
              + p.caThumbprint()
              + " </B>\r\n<P> The enrollment challenge password is: <B> "
              + p.password()
              + " </B> <P> This password can be used only once and will expire within 60"
              + " minutes. <P> Each enrollment requires a new challenge password. You can"
              + " refresh this web page to obtain a new challenge password. </P>";
    } else if (page instanceof NdesChallenges.CacheFull) {
      body =
          "<P> The password cache is full. <P> Wait until outstanding passwords are used or"
              + " expire, then refresh this page. </P>";
    } else {
      body =
          "<P> You do not have sufficient permission to enroll with SCEP.  Please contact your"
              + " system administrator. </P>";
    }
    return "<HTML><Head><Meta HTTP-Equiv=\"Content-Type\" Content=\"text/html; charset=UTF-8\">\r\n"
        + "<Title>Network Device Enrollment Service</Title></Head>\r\n"
        + "<Body BgColor=#FFFFFF>\r\n<Font ID=Application Face=\"Arial\" Size=2>\r\n"
        + "<P> Network Device Enrollment Service allows you to obtain certificates for routers or"
        + " other network devices using the Simple Certificate Enrollment Protocol (SCEP). </P>\r\n"
        + body
        + "\r\n</Font></Body></HTML>\r\n";
  }

  /** UTF-16LE with the byte order mark FF FE, as NDES sends it. */
  private static void write(HttpServletResponse response, String html) throws IOException {
    byte[] text = html.getBytes(StandardCharsets.UTF_16LE);
    response.setContentType("text/html");
    response.setContentLength(text.length + 2);
    response.getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    response.getOutputStream().write(text);
  }
}
